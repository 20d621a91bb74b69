//! The demo record (seed 004): what it loads, and that it loads only into an empty file.

use crate::common;

use common::*;
use quorum_record::vocab::*;
use quorum_record::Error;

#[test]
fn demo_loads_the_seed_record() {
    let d = demo();
    let s = &d.store;
    let bodies: Vec<(String, String, String)> = s
        .bodies()
        .unwrap()
        .into_iter()
        .map(|b| (b.short_name, b.name, b.secretariat))
        .collect();
    assert_eq!(
        bodies,
        [
            (
                "E-helserådet".to_string(),
                "Nasjonalt e-helseråd".to_string(),
                "Helsedirektoratet".to_string()
            ),
            (
                "Kommunestyret".to_string(),
                "Testvik kommunestyre".to_string(),
                "Testvik kommune".to_string()
            ),
            (
                "NUIT".to_string(),
                "Nasjonalt utvalg for IT-prioritering i helse- og omsorgssektoren".to_string(),
                "Helsedirektoratet".to_string()
            ),
        ]
    );
    let eh = s.body_by_short(EH).unwrap();
    let meetings: Vec<(String, String, String, String, String)> = s
        .meetings(&eh.id, None)
        .unwrap()
        .into_iter()
        .map(|m| (m.number, m.date, m.start, m.end, m.status.to_string()))
        .collect();
    assert_eq!(
        meetings,
        [
            (
                "3/2025".into(),
                "2025-10-16".into(),
                "09:00".into(),
                "15:00".into(),
                "held".into()
            ),
            (
                "4/2025".into(),
                "2025-12-11".into(),
                "10:00".into(),
                "16:00".into(),
                "agenda_sent".into()
            ),
        ]
    );
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    assert_eq!(m4.place, "Helsedirektoratet, Vitaminveien 4, Storo Oslo");
    assert!(!m4.remote && !m4.extraordinary);
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    assert_eq!(m3.place, "Thon Partner Hotel Kristiansand");
    assert!(!m3.locked());
    let nuit = s.body_by_short("NUIT").unwrap();
    let nm: Vec<(String, String)> = s
        .meetings(&nuit.id, Some(2025))
        .unwrap()
        .into_iter()
        .map(|m| (m.number, m.status.to_string()))
        .collect();
    assert_eq!(nm, [("5/2025".to_string(), "held".to_string())]);
    // Members in the agenda's order, with roles.
    let members = s.memberships(&eh.id, Some("2025-12-11")).unwrap();
    assert_eq!(members.len(), 22);
    assert_eq!(members[0].person.name, "Ørjan Andersen");
    assert_eq!(members[0].person.organisation, "Helse Vest RHF");
    let ronaes = members
        .iter()
        .find(|m| m.person.name == "Johan Ronæs")
        .unwrap();
    assert_eq!(ronaes.role, Role::Observer);
    assert_eq!(ronaes.substitute.as_ref().unwrap().name, "Odd Martin Solem");
    assert_eq!(
        members.iter().filter(|m| m.role == Role::Secretary).count(),
        4
    );
    // Terms end with 2025.
    assert!(s
        .memberships(&eh.id, Some("2026-01-01"))
        .unwrap()
        .is_empty());
    // Cases of 4/2025: memo flags, attachments, owner.
    let c31 = s.case_by_number(EH, "31/25").unwrap();
    let att: Vec<(String, String)> = c31
        .attachments
        .iter()
        .map(|a| (a.label.clone(), a.title.clone()))
        .collect();
    assert_eq!(
        att,
        [(
            "1".to_string(),
            "Referat fra møtet i Nasjonalt e-helseråd 16. oktober 2025".to_string()
        )]
    );
    let c38 = s.case_by_number(EH, "38/25").unwrap();
    assert!(c38.no_memo);
    assert_eq!(
        c38.proposal,
        "Nasjonalt e-helseråd tar sakene til orientering."
    );
    let c39 = s.case_by_number(EH, "39/25").unwrap();
    assert_eq!(
        (c39.title.as_str(), c39.case_type.as_str()),
        ("Eventuelt", "")
    );
    // Nothing is exempt in the seed.
    for n in 21..=39 {
        assert!(
            !s.case_by_number(EH, &format!("{n}/25")).unwrap().exempt,
            "{n}/25"
        );
    }
    assert!(s.unplaced_cases(&eh.id).unwrap().is_empty());
}

#[test]
fn demo_needs_an_empty_file() {
    let d = demo();
    let before = snapshot(&d.store);
    let err = d.store.load_demo().unwrap_err();
    assert!(matches!(err, Error::NotEmpty), "{err:?}");
    assert_eq!(snapshot(&d.store), before);

    let e = db();
    body(&e.store, "R", "Rådet");
    let before = snapshot(&e.store);
    assert!(matches!(e.store.load_demo().unwrap_err(), Error::NotEmpty));
    assert_eq!(snapshot(&e.store), before);
}

#[test]
fn demo_is_the_same_record_every_time_but_for_ids() {
    // Two loads differ only in their random ids: compare with ids stripped.
    fn shape(json: &str) -> serde_json::Value {
        let mut doc: serde_json::Value = serde_json::from_str(json).unwrap();
        for (_, rows) in doc["tables"].as_object_mut().unwrap() {
            let rows = rows.as_array_mut().unwrap();
            for row in rows.iter_mut() {
                for (k, v) in row.as_object_mut().unwrap() {
                    if k == "id" || k.ends_with("_id") || k == "substitute_for" {
                        *v = serde_json::Value::Null;
                    }
                }
            }
            rows.sort_by_key(|r| r.to_string());
        }
        doc
    }
    let a = demo();
    let b = demo();
    assert_eq!(shape(&snapshot(&a.store)), shape(&snapshot(&b.store)));
}
