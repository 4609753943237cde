//! `curriculum.json`: the validated model for other tools, versioned with
//! `"schema": 1`. Ids stand in for indexes; dates are `YYYY-MM-DD`, times `HH:MM`.

use super::Model;
use serde_json::{Value, json};

/// The model as JSON (schema 1).
pub fn to_json(model: &Model) -> Value {
    let p = &model.program;
    let module_id = |i: usize| model.modules[i].source.id.clone();
    let session_id = |i: usize| model.sessions[i].source.id.clone();
    let person_id = |i: usize| model.people[i].source.id.clone();
    let reading_id = |i: usize| model.readings[i].source.id.clone();
    json!({
        "schema": 1,
        "program": {
            "title": p.title,
            "institution": p.institution,
            "tagline": p.tagline,
            "language": p.language,
            "years": p.years,
            "starts": p.starts.value,
            "ends": p.ends(),
            "timezone": p.timezone,
            "schedule": { "start": p.start, "end": p.end,
                "months": p.months.iter().map(|m| m.value.0).collect::<Vec<_>>(),
                "blackout": p.blackout.iter().map(|d| d.value).collect::<Vec<_>>() },
            "phases": p.phases.iter().map(|ph| json!({"id": ph.id, "title": ph.title, "summary": ph.summary, "continuous": ph.continuous})).collect::<Vec<_>>(),
            "sequence": p.sequence,
            "attendance_minimum": p.attendance_minimum.as_ref().map(|m| m.value),
            "max_pages_per_month": p.max_pages_per_month.as_ref().map(|m| m.value),
            "max_minutes_per_month": p.max_minutes_per_month.as_ref().map(|m| m.value),
            "competencies": p.competencies,
            "base_url": p.base_url,
            "contact": p.contact,
            "portable": p.portable,
            "eligibility": p.eligibility,
            "cohort_size": p.cohort_size,
            "application": p.application,
            "endorsement": p.endorsement,
            "audience": p.audience,
            "outcomes": p.outcomes.iter().map(|o| &o.value).collect::<Vec<_>>(),
            "publish_participants": p.publish_participants,
            "brand": {
                "logo": p.brand.logo.as_ref().map(|l| l.value.clone()),
                "accent": p.brand.accent.as_ref().map(|c| c.value.to_string()),
                "accent_dark": p.brand.dark().map(|c| c.to_string()),
                "image": p.brand.image.as_ref().map(|l| l.value.clone()),
            },
        },
        "years": model.years.iter().map(|y| json!({"number": y.number, "title": y.title, "summary": y.summary})).collect::<Vec<_>>(),
        "modules": model.modules.iter().map(|m| json!({
            "id": m.source.id, "title": m.title, "year": m.year,
            "phase": m.phase.map(|i| p.phases[i].id.clone()),
            "summary": m.summary, "objectives": m.objectives.iter().map(|o| &o.value).collect::<Vec<_>>(),
            "outcomes": m.outcomes.iter().map(|&o| p.outcomes[o].value.id.value.clone()).collect::<Vec<_>>(),
            "resources": m.resources.iter().map(|&r| reading_id(r)).collect::<Vec<_>>(),
            "feedback": m.feedback,
            "competencies": m.competencies.iter().map(|&c| p.competencies[c].id.value.clone()).collect::<Vec<_>>(),
            "prerequisites": m.prerequisites.iter().map(|r| module_id(r.value)).collect::<Vec<_>>(),
            "self_paced": m.self_paced,
            "sessions": m.sessions.iter().map(|&s| session_id(s)).collect::<Vec<_>>(),
            "draft": m.source.draft,
        })).collect::<Vec<_>>(),
        "sessions": model.sessions.iter().map(|s| json!({
            "id": s.source.id, "title": s.title, "kind": s.kind,
            "date": s.date.value, "end_date": s.end_date.as_ref().map(|d| d.value),
            "start": s.start, "end": s.end, "years": s.years,
            "module": s.module.map(module_id),
            "location": s.location, "online": s.online,
            "speakers": s.speakers.iter().map(|&i| person_id(i)).collect::<Vec<_>>(),
            "facilitators": s.facilitators.iter().map(|&i| person_id(i)).collect::<Vec<_>>(),
            "readings": s.readings.iter().map(|&i| reading_id(i)).collect::<Vec<_>>(),
            "required": s.required, "counts": s.counts, "feedback": s.feedback,
            "agenda": s.agenda.iter().map(|a| &a.value).collect::<Vec<_>>(),
            "draft": s.source.draft,
        })).collect::<Vec<_>>(),
        "readings": model.readings.iter().map(|r| json!({
            "id": r.source.id, "title": r.title, "kind": r.kind, "authors": r.authors,
            "published": r.published, "isbn": r.isbn, "doi": r.doi, "url": r.url,
            "pages": r.pages, "minutes": r.minutes, "optional": r.optional,
            "sessions": r.sessions.iter().map(|&s| session_id(s)).collect::<Vec<_>>(),
            "draft": r.source.draft,
        })).collect::<Vec<_>>(),
        "prompts": model.prompts.iter().map(|pr| json!({
            "id": pr.source.id, "title": pr.title,
            "session": pr.session.map(session_id), "module": pr.module.map(module_id),
            "due": pr.due.as_ref().map(|d| d.value), "draft": pr.source.draft,
        })).collect::<Vec<_>>(),
        "people": model.people.iter().map(|pe| json!({
            "id": pe.source.id, "name": pe.name, "role": pe.role, "pronouns": pe.pronouns,
            "affiliation": pe.affiliation, "roles": pe.roles,
            "photo": pe.photo.as_ref().map(|ph| ph.value.clone()),
            "email": pe.email, "url": pe.url, "draft": pe.source.draft,
        })).collect::<Vec<_>>(),
        "projects": model.projects.iter().map(|pr| json!({
            "id": pr.source.id, "title": pr.title, "kind": pr.kind, "year": pr.year,
            "milestones": pr.milestones.iter().map(|m| json!({
                "title": m.title, "due": m.due.as_ref().map(|d| d.value), "session": m.session.map(session_id),
                "date": m.date(model),
            })).collect::<Vec<_>>(),
            "draft": pr.source.draft,
        })).collect::<Vec<_>>(),
        "groups": model.groups.iter().map(|g| json!({
            "id": g.source.id, "title": g.title, "kind": g.kind,
            "mentors": g.mentors.iter().map(|&i| person_id(i)).collect::<Vec<_>>(),
            "members": g.members.iter().map(|&i| person_id(i)).collect::<Vec<_>>(),
            "unnamed": g.unnamed,
            "sessions": g.sessions.iter().map(|&s| session_id(s)).collect::<Vec<_>>(),
            "meets": g.meets, "project": g.project.map(|i| model.projects[i].source.id.clone()),
            "draft": g.source.draft,
        })).collect::<Vec<_>>(),
        "pages": model.pages.iter().map(|pg| json!({
            "id": pg.source.id, "title": pg.title, "weight": pg.weight, "nav": pg.nav, "draft": pg.source.draft,
        })).collect::<Vec<_>>(),
    })
}
