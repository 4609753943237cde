//! schema.org JSON-LD for the head of the home page (the program as a
//! `Course`) and of each session page (an `Event`), and the one way any JSON
//! goes inside a `<script>` element.

use crate::model::Model;
use serde_json::{Value, json};

/// JSON-LD text safe inside a `<script>` element: `<`, `>` and `&` become
/// JSON escapes, so no title can close the element or look like markup.
pub fn script_json(v: &Value) -> String {
    v.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// schema.org `Course` for the home page.
pub fn course_jsonld(model: &Model) -> String {
    let p = &model.program;
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Course",
        "name": p.title,
        "description": p.tagline.clone().unwrap_or_else(|| p.title.clone()),
        "inLanguage": p.language,
    });
    if let Some(inst) = &p.institution {
        v["provider"] = json!({ "@type": "Organization", "name": inst });
    }
    if let Some(url) = &p.base_url {
        v["url"] = json!(url.0);
    }
    if let Some(a) = &p.audience {
        v["audience"] = json!({ "@type": "EducationalAudience", "audienceType": a });
    }
    if let Some(e) = &p.eligibility {
        v["coursePrerequisites"] = json!(e);
    }
    if let Some(e) = &p.endorsement {
        v["accreditedBy"] = json!({ "@type": "Organization", "name": e });
    }
    if let Some(n) = p.cohort_size {
        v["hasCourseInstance"] = json!({ "@type": "CourseInstance", "courseMode": "Blended", "maximumAttendeeCapacity": n });
    }
    if let Some(a) = &p.application {
        if let Some(c) = &a.closes {
            v["applicationDeadline"] = json!(c.value);
        }
        if let Some(u) = &a.url {
            v["offers"] = json!({ "@type": "Offer", "url": u.value.0, "category": "Application" });
        }
    }
    script_json(&v)
}

fn zoned(
    model: &Model,
    d: crate::content::values::Date,
    t: crate::content::values::Time,
) -> String {
    d.0.to_datetime(t.0)
        .to_zoned(model.program.tz.clone())
        .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_default()
}

/// schema.org `Event` (an instance of the course) for a session page.
pub fn session_jsonld(model: &Model, i: usize) -> String {
    let s = &model.sessions[i];
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": ["Event", "CourseInstance"],
        "name": s.title,
        "startDate": zoned(model, s.date.value, s.start),
        "endDate": zoned(model, s.last_day(), s.end),
        "eventAttendanceMode": match (&s.location, &s.online) {
            (Some(_), Some(_)) => "https://schema.org/MixedEventAttendanceMode",
            (None, Some(_)) => "https://schema.org/OnlineEventAttendanceMode",
            _ => "https://schema.org/OfflineEventAttendanceMode",
        },
    });
    if let Some(l) = &s.location {
        v["location"] = json!({ "@type": "Place", "name": l });
    } else if let Some(u) = &s.online {
        v["location"] = json!({ "@type": "VirtualLocation", "url": u.0 });
    }
    script_json(&v)
}
