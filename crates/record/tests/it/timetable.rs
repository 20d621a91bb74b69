//! Agenda times: start from the meeting start plus the durations before; the end line is the
//! meeting end; running over is a warning, never an error.

use crate::common;

use common::*;
use quorum_record::agenda::{ItemInput, ItemUpdate};
use quorum_record::vocab::*;
use quorum_record::Lang;

fn rows(s: &quorum_record::Store, meeting_id: &str) -> Vec<(String, String, String)> {
    s.timetable(meeting_id)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.item.title, r.start, r.end))
        .collect()
}

fn owned(v: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    v.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn times_follow_start_and_durations() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = s
        .create_meeting(
            &b.id,
            &meeting_input("1/2025", "2025-03-10", "09.30", "11:30"),
        )
        .unwrap();
    assert_eq!((m.start.as_str(), m.end.as_str()), ("09:30", "11:30"));
    let a = add_case(s, &m.id, "A"); // 20 min
    add_break(s, &m.id, "Pause", 15);
    add_case(s, &m.id, "B");
    let tt = s.timetable(&m.id).unwrap();
    assert_eq!(
        rows(s, &m.id),
        owned(&[
            ("A", "09:30", "09:50"),
            ("Pause", "09:50", "10:05"),
            ("B", "10:05", "10:25"),
        ])
    );
    assert_eq!(tt.end, "11:30");
    assert_eq!(tt.overrun_min, 0);
    assert_eq!(tt.slack_min, 65);
    assert_eq!(tt.warning(Lang::Nb), None);

    // A longer first item pushes everything after it.
    s.update_item(
        &a.id,
        &ItemUpdate {
            duration_min: 45,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        rows(s, &m.id),
        owned(&[
            ("A", "09:30", "10:15"),
            ("Pause", "10:15", "10:30"),
            ("B", "10:30", "10:50"),
        ])
    );
    // Moving the break to the front moves the times with it.
    let brk = s.agenda(&m.id).unwrap()[1].id.clone();
    s.move_item(&brk, 0).unwrap();
    assert_eq!(
        rows(s, &m.id),
        owned(&[
            ("Pause", "09:30", "09:45"),
            ("A", "09:45", "10:30"),
            ("B", "10:30", "10:50"),
        ])
    );
}

#[test]
fn overrun_is_a_warning_not_an_error() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = s
        .create_meeting(
            &b.id,
            &meeting_input("1/2025", "2025-03-10", "10:00", "11:00"),
        )
        .unwrap();
    add_case(s, &m.id, "A");
    add_case(s, &m.id, "B");
    add_case(s, &m.id, "C");
    let tt = s.timetable(&m.id).unwrap();
    assert_eq!((tt.overrun_min, tt.slack_min), (0, 0));
    assert_eq!(tt.warning(Lang::En), None);
    // One more item does not fit, and is still accepted.
    let extra = s
        .add_item(
            &m.id,
            &ItemInput {
                kind: ItemKind::Open,
                title: "Dagsaktuelt".into(),
                case_type: "Åpen sak".into(),
                duration_min: 25,
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(extra.case_type, "Åpen sak");
    let tt = s.timetable(&m.id).unwrap();
    assert_eq!(tt.overrun_min, 25);
    assert_eq!(tt.slack_min, 0);
    assert_eq!(tt.end, "11:00");
    assert_eq!(tt.rows.last().unwrap().start, "11:00");
    assert_eq!(tt.rows.last().unwrap().end, "11:25");
    assert_eq!(
        tt.warning(Lang::Nb).as_deref(),
        Some("Dagsordenen går 25 minutter over sluttiden 11:00.")
    );
    assert_eq!(
        tt.warning(Lang::En).as_deref(),
        Some("The agenda runs 25 minutes past the end time 11:00.")
    );
}

#[test]
fn empty_agenda_has_only_the_end_line() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let tt = s.timetable(&m.id).unwrap();
    assert!(tt.rows.is_empty());
    assert_eq!(tt.end, "16:00");
    assert_eq!((tt.overrun_min, tt.slack_min), (0, 360));
}

#[test]
fn zero_minute_items_share_a_start() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    add_break(s, &m.id, "Fotografering", 0);
    add_case(s, &m.id, "A");
    assert_eq!(
        rows(s, &m.id),
        owned(&[("Fotografering", "10:00", "10:00"), ("A", "10:00", "10:20")])
    );
}

#[test]
fn demo_meeting_4_2025_reproduces_the_seed() {
    let d = demo();
    let s = &d.store;
    let m = s.meeting_by_number(EH, "4/2025").unwrap();
    let tt = s.timetable(&m.id).unwrap();
    let got: Vec<(String, String, String, String, String)> = tt
        .rows
        .iter()
        .map(|r| {
            (
                r.item.case_number.clone().unwrap_or_default(),
                r.item.title.clone(),
                r.start.clone(),
                r.item.case_type.clone(),
                r.item.kind.to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String, String, String, String)> = [
        ("30/25", "Godkjenning av innkalling og dagsorden", "10:00", "Godkjenning", "case"),
        ("31/25", "Godkjenning av referatet fra Nasjonalt e-helseråd 16. oktober 2025", "10:05", "Godkjenning", "case"),
        ("", "Orientering fra Cathrine Lofthus", "10:15", "", "orientation"),
        ("", "Dagsaktuelt", "10:45", "Åpen sak", "open"),
        ("32/25", "Helseteknologiordningen – status og erfaringer fra journalanskaffelser så langt", "11:05", "Drøfting", "case"),
        ("", "Lunsj", "12:05", "", "break"),
        ("33/25", "Orientering fra Helsedirektoratet om Riksrevisjonens undersøkelse om å flytte spesialisthelsetjenester nærmere hjemmet", "12:35", "Orientering", "case"),
        ("34/25", "MILA – erfaringer og behov knyttet til deling av pasientens egenbehandlingsplan", "12:55", "Drøfting", "case"),
        ("", "Pause", "13:35", "", "break"),
        ("35/25", "Organisatoriske barrierer og forutsetninger for å lykkes med digital transformasjon i helse- og omsorgssektoren", "13:45", "Drøfting", "case"),
        ("36/25", "Etablering av oppgavefellesskap mellom eiere/kunder av Helseplattformen AS", "14:35", "Orientering", "case"),
        ("", "Pause", "14:50", "", "break"),
        ("37/25", "Nasjonal e-helsestrategi – strategiske indikatorer", "15:00", "Drøfting", "case"),
        ("38/25", "Orientering fra Helsedirektoratet", "15:40", "Orientering", "case"),
        ("39/25", "Eventuelt", "15:55", "", "case"),
    ]
    .iter()
    .map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c.to_string(), d.to_string(), e.to_string()))
    .collect();
    assert_eq!(got, want);
    assert_eq!(tt.rows.last().unwrap().end, "16:00");
    assert_eq!(tt.end, "16:00");
    assert_eq!((tt.overrun_min, tt.slack_min), (0, 0));
    assert_eq!(tt.warning(Lang::Nb), None);
}

#[test]
fn timetable_compute_is_pure() {
    let d = demo();
    let s = &d.store;
    let m = s.meeting_by_number(EH, "3/2025").unwrap();
    let items = s.agenda(&m.id).unwrap();
    let start = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let end = chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap();
    let tt = quorum_record::timetable::compute(items.clone(), start, end);
    assert_eq!(tt, s.timetable(&m.id).unwrap());
    let starts: Vec<&str> = tt.rows.iter().map(|r| r.start.as_str()).collect();
    assert_eq!(
        starts,
        [
            "09:00", "09:05", "09:10", "09:50", "10:20", "11:20", "12:20", "13:35", "14:35",
            "14:55"
        ]
    );
    assert_eq!((tt.overrun_min, tt.slack_min), (0, 0));
    // One hour less to spend: 60 minutes over.
    let tt = quorum_record::timetable::compute(
        items,
        start,
        chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
    );
    assert_eq!(tt.overrun_min, 60);
    assert_eq!(tt.end, "14:00");
}
