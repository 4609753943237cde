//! schema.org JSON-LD for the head of the home page (the program as a
//! `Course`) and of each session page (an `Event`), and the one way any JSON
//! goes inside a `<script>` element.

use crate::model::Model;
use serde::Serialize;

/// JSON text safe inside a `<script>` element: `<`, `>` and `&` become
/// JSON escapes, so no title can close the element or look like markup.
/// Keys are sorted (through `serde_json`'s map), whatever the order of a
/// struct's fields, so the text does not change when a field moves.
pub fn script_json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_value(v)
        .map_or_else(|_| "null".to_string(), |v| v.to_string())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A schema.org thing that is only a type and a name (`Organization`,
/// `Place`).
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// schema.org `Course`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Course<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    description: &'a str,
    in_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<Audience<'a>>,
    #[serde(
        rename = "coursePrerequisites",
        skip_serializing_if = "Option::is_none"
    )]
    prerequisites: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accredited_by: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_course_instance: Option<CourseInstance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    application_deadline: Option<crate::content::values::Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offers: Option<Offer<'a>>,
}

/// schema.org `EducationalAudience`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Audience<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    audience_type: &'a str,
}

/// schema.org `CourseInstance` (the cohort's size).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CourseInstance {
    #[serde(rename = "@type")]
    kind: &'static str,
    course_mode: &'static str,
    maximum_attendee_capacity: u32,
}

/// schema.org `Offer` (where to apply).
#[derive(Serialize)]
struct Offer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
    category: &'static str,
}

/// schema.org `Course` for the home page.
pub fn course_jsonld(model: &Model) -> String {
    let p = &model.program;
    let application = p.application.as_ref();
    let course = Course {
        context: "https://schema.org",
        kind: "Course",
        name: &p.title,
        description: p.tagline.as_deref().unwrap_or(&p.title),
        in_language: &p.language,
        provider: p.institution.as_deref().map(|name| Named {
            kind: "Organization",
            name,
        }),
        url: p.base_url.as_ref().map(|u| u.0.as_str()),
        audience: p.audience.as_deref().map(|a| Audience {
            kind: "EducationalAudience",
            audience_type: a,
        }),
        prerequisites: p.eligibility.as_deref(),
        accredited_by: p.endorsement.as_deref().map(|name| Named {
            kind: "Organization",
            name,
        }),
        has_course_instance: p.cohort_size.map(|n| CourseInstance {
            kind: "CourseInstance",
            course_mode: "Blended",
            maximum_attendee_capacity: n,
        }),
        application_deadline: application.and_then(|a| a.closes.as_ref()).map(|c| c.value),
        offers: application.and_then(|a| a.url.as_ref()).map(|u| Offer {
            kind: "Offer",
            url: &u.value.0,
            category: "Application",
        }),
    };
    script_json(&course)
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

/// schema.org `Event` and `CourseInstance`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Event<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: [&'static str; 2],
    name: &'a str,
    start_date: String,
    end_date: String,
    #[serde(rename = "eventAttendanceMode")]
    attendance_mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location<'a>>,
}

/// Where a session happens: a place, or a link.
#[derive(Serialize)]
#[serde(untagged)]
enum Location<'a> {
    Place(Named<'a>),
    Virtual {
        #[serde(rename = "@type")]
        kind: &'static str,
        url: &'a str,
    },
}

/// schema.org `Event` (an instance of the course) for a session page.
pub fn session_jsonld(model: &Model, i: usize) -> String {
    let s = &model.sessions[i];
    let location = match (&s.location, &s.online) {
        (Some(l), _) => Some(Location::Place(Named {
            kind: "Place",
            name: l,
        })),
        (None, Some(u)) => Some(Location::Virtual {
            kind: "VirtualLocation",
            url: &u.0,
        }),
        (None, None) => None,
    };
    let event = Event {
        context: "https://schema.org",
        kind: ["Event", "CourseInstance"],
        name: &s.title,
        start_date: zoned(model, s.date.value, s.start),
        end_date: zoned(model, s.last_day(), s.end),
        attendance_mode: match (&s.location, &s.online) {
            (Some(_), Some(_)) => "https://schema.org/MixedEventAttendanceMode",
            (None, Some(_)) => "https://schema.org/OnlineEventAttendanceMode",
            _ => "https://schema.org/OfflineEventAttendanceMode",
        },
        location,
    };
    script_json(&event)
}
