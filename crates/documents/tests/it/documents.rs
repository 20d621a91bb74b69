//! The documents Quorum writes (agenda, case memo, minutes, decision register), built from a
//! real record in a SQLite file through the core API and the CLI, and read back with
//! poppler-utils and qpdf: every element in the seed's order, sound files (qpdf, embedded
//! fonts, nothing outside the margins), identical bytes for the same record, metadata from the
//! record, public versions that keep exempt cases out of every byte, and hostile content.

use crate::doc_support;

use doc_support::*;
use quorum_documents::{DocOptions, Documents};
use quorum_record::agenda::ItemInput;
use quorum_record::bodies::BodyInput;
use quorum_record::cases::{AttachmentInput, CaseInput, ReferenceInput};
use quorum_record::meetings::MeetingInput;
use quorum_record::model::{Due, MemoSections};
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::*;
use quorum_record::{Lang, Store};

// ================================================================ agenda of 4/2025

/// The timetable of Møte 4/2025 as the seed prints it: Sak, start of the title, Tidspunkt,
/// Sakstype.
const SEED_TIMETABLE: &[(&str, &str, &str, &str)] = &[
    (
        "30/25",
        "Godkjenning av innkalling og dagsorden",
        "10:00",
        "Godkjenning",
    ),
    (
        "31/25",
        "Godkjenning av referatet fra Nasjonalt",
        "10:05",
        "Godkjenning",
    ),
    ("", "Orientering fra Cathrine Lofthus", "10:15", ""),
    ("", "Dagsaktuelt", "10:45", "Åpen sak"),
    (
        "32/25",
        "Helseteknologiordningen – status og",
        "11:05",
        "Drøfting",
    ),
    ("", "Lunsj", "12:05", ""),
    (
        "33/25",
        "Orientering fra Helsedirektoratet om",
        "12:35",
        "Orientering",
    ),
    ("34/25", "MILA – erfaringer og behov", "12:55", "Drøfting"),
    ("", "Pause", "13:35", ""),
    ("35/25", "Organisatoriske barrierer og", "13:45", "Drøfting"),
    (
        "36/25",
        "Etablering av oppgavefellesskap",
        "14:35",
        "Orientering",
    ),
    ("", "Pause", "14:50", ""),
    (
        "37/25",
        "Nasjonal e-helsestrategi – strategiske indikatorer",
        "15:00",
        "Drøfting",
    ),
    (
        "38/25",
        "Orientering fra Helsedirektoratet",
        "15:40",
        "Orientering",
    ),
    ("39/25", "Eventuelt", "15:55", ""),
    ("", "Slutt", "16:00", ""),
];

#[test]
fn agenda_header_shows_date_time_place_members_and_observers() {
    let d = Db::demo();
    let path = d.file("agenda.pdf", &d.agenda("4/2025", false));
    let lay = layout(&path);
    let body = body_text(&path);

    // Title block and the header fields, each label beside its value.
    assert_in_order(&body, &["Møte i Nasjonalt e-helseråd", "Møte 4/2025"]);
    assert_contains(line_with(&lay, "Dato"), "11. desember 2025");
    assert_contains(line_with(&lay, "Tid "), "Kl. 10.00 – 16.00");
    assert_contains(
        line_with(&lay, "Sted"),
        "Helsedirektoratet, Vitaminveien 4, Storo Oslo",
    );
    assert_contains(
        line_with(&lay, "Medlemmer"),
        "Ørjan Andersen (Helse Vest RHF)",
    );
    assert_contains(
        line_with(&lay, "Observatører"),
        "Johan Ronæs (Norsk helsenett SF)",
    );

    // Every member as "Name (Organisation)", in the record's order, then the observer; the
    // observer is not listed among the members.
    let body_id = d.store.body_by_short(EH).unwrap().id;
    let members = d.store.memberships(&body_id, Some("2025-12-11")).unwrap();
    let voting: Vec<String> = members
        .iter()
        .filter(|m| matches!(m.role.as_str(), "leder" | "nestleder" | "medlem"))
        .map(|m| format!("{} ({})", m.person.name, m.person.organisation))
        .collect();
    assert_eq!(voting.len(), 17, "the seed's 17 members");
    let mut order: Vec<&str> = vec!["Møte 4/2025"];
    order.extend(voting.iter().map(String::as_str));
    order.push("Johan Ronæs (Norsk helsenett SF)");
    order.push("Agenda");
    assert_in_order(&body, &order);
    let header = &norm(&body)[..norm(&body).find("Tidspunkt").unwrap()];
    assert_eq!(header.matches("Johan Ronæs").count(), 1, "{header}");
    // The secretariat is not on the agenda's member list.
    assert_lacks(header, "Siv Ingebrigtsen");
}

#[test]
fn agenda_timetable_has_the_seeds_rows_times_and_breaks() {
    let d = Db::demo();
    let path = d.file("agenda.pdf", &d.agenda("4/2025", false));
    let lay = page_layout(&path, 1);
    let header = line_with(&lay, "Tidspunkt");
    assert_in_order(header, &["Sak", "Agenda", "Tidspunkt", "Sakstype"]);

    // Each row on one line: number first, the title, its time, its type; rows in seed order.
    let lines: Vec<&str> = lay.lines().collect();
    let mut at = lines.iter().position(|l| l.contains("Tidspunkt")).unwrap() + 1;
    for (number, title, time, kind) in SEED_TIMETABLE {
        let i = (at..lines.len())
            .find(|&i| lines[i].contains(&format!(" {time}")))
            .unwrap_or_else(|| panic!("no row at {time} after line {at}:\n{lay}"));
        let line = norm(lines[i]);
        assert!(
            line.starts_with(number),
            "row {time} starts with {number:?}: {line}"
        );
        let want: Vec<&str> = [*number, *title, *time, *kind]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        assert_in_order(&line, &want);
        if kind.is_empty() {
            // Breaks, unnumbered orientations and Eventuelt have no type.
            let after = &line[line.find(time).unwrap() + time.len()..];
            assert!(after.trim().is_empty(), "row {time} has a type: {line}");
        }
        at = i + 1;
    }
    // Nothing after "Slutt".
    assert!(lines[at..]
        .iter()
        .all(|l| l.trim().is_empty() || l.trim().starts_with("Side ")));
}

#[test]
fn agenda_items_show_theme_type_summary_attachments_and_proposal_in_order() {
    let d = Db::demo();
    let path = d.file("agenda.pdf", &d.agenda("4/2025", false));
    let body = body_text(&path);
    let lay = layout(&path);
    let m = d.meeting("4/2025");
    let tt = d.store.timetable(&m.id).unwrap();

    // pdftotext's own reading order (plain and -layout) has the sections in agenda order too.
    let sections = [
        "Sak 30/25",
        "Sak 31/25",
        "Orientering fra Cathrine Lofthus",
        "Dagsaktuelt",
        "Sak 32/25",
        "Sak 33/25",
        "Sak 34/25",
        "Sak 35/25",
        "Sak 36/25",
        "Sak 37/25",
        "Sak 38/25",
        "Sak 39/25",
        "Åpne aksjonspunkter",
    ];
    for t in [text(&path), lay.clone()] {
        let after_timetable = &t[t.find("Slutt").unwrap()..];
        assert_in_order(after_timetable, &sections);
    }

    // The expected sequence, from the record: the timetable first, then each item.
    let mut want: Vec<String> = vec!["Slutt".into()];
    for r in tt
        .rows
        .iter()
        .filter(|r| matches!(r.item.kind.as_str(), "case" | "open" | "orientation"))
    {
        let it = &r.item;
        match &it.case_number {
            Some(n) => {
                want.push(format!("Sak {n}"));
                want.push(it.title.clone());
                assert_contains(
                    &lay,
                    &format!(
                        "Sak {n}\nTema {}",
                        it.title.split(' ').take(3).collect::<Vec<_>>().join(" ")
                    ),
                );
            }
            // Unnumbered items have their title as the heading, without a "Tema" line.
            None => want.push(it.title.clone()),
        }
        if !it.case_type.is_empty() {
            want.push(it.case_type.clone());
        }
        want.extend(parts(&it.summary));
        let case = it.case_id.as_ref().map(|id| d.store.case(id).unwrap());
        match &case {
            Some(c) if !c.attachments.is_empty() => {
                for a in &c.attachments {
                    want.push(format!("Vedlegg {}: {}", a.label, a.title));
                }
            }
            Some(c) if !c.no_memo => {}
            _ => want.push("Ingen toppnotat".into()),
        }
        if let Some(c) = &case {
            if !c.proposal.is_empty() {
                want.push("Forslag til vedtak:".into());
                want.extend(parts(&c.proposal));
            }
        }
    }
    want.push("Åpne aksjonspunkter".into());
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_in_order(&body, &want);

    // What the seed shows, word for word.
    assert_in_order(
        &body,
        &[
            "Sak 31/25",
            "Vedlegg 1: Referat fra møtet i Nasjonalt e-helseråd 16. oktober 2025",
            "Orientering fra Cathrine Lofthus",
            "Cathrine Lofthus, Helsedirektoratet, kommer for å prate til Nasjonalt e-helseråd. Hun vil delta i 1 time av møtet.",
            "Ingen toppnotat",
            "Dagsaktuelt",
            "Åpen sak",
            "Ingen toppnotat",
            "Sak 32/25",
            "Vedlegg 2: Toppnotat Helseteknologiordningen – status og erfaringer fra journalanskaffelser så langt",
            "Forslag til vedtak:",
            "Nasjonalt e-helseråd drøftet saken. KS og Helsedirektoratet tar med seg innspill i det videre arbeidet.",
            "Sak 34/25",
            "har potensial til å:",
            "Styrke pasientsentrert behandling,",
            "Bidra til nasjonal standardisering, og",
            "Legge til rette for smidigere deling og samhandling mellom tjenesteaktører.",
            "Sak 37/25",
            "Vedlegg 7: Toppnotat",
            "Vedlegg 7A: Nasjonal e-helsestrategi – strategiske indikatorer_vedlegg",
            "Sak 38/25",
            "Helsedirektoratet vil i møte orientere om aktuelle saker.",
            "Ingen toppnotat",
            "Forslag til vedtak:",
            "Nasjonalt e-helseråd tar sakene til orientering.",
            "Sak 39/25",
            "Eventuelt",
        ],
    );
    // Unnumbered items have their title as heading and do not repeat it as "Tema".
    assert_lacks(&lay, "Tema Orientering fra Cathrine Lofthus");
    assert_lacks(&lay, "Tema Dagsaktuelt");
    assert_contains(
        &lay,
        "Orientering fra Cathrine Lofthus\nInnleder Cathrine Lofthus, Helsedirektoratet",
    );
    // 39/25 Eventuelt has no proposal, so no empty "Forslag til vedtak:".
    let tail = &norm(&body)[norm(&body).find("Sak 39/25").unwrap()..];
    assert_lacks(
        tail.split("Åpne aksjonspunkter").next().unwrap(),
        "Forslag til vedtak",
    );
}

#[test]
fn short_agenda_items_stay_on_one_page() {
    let d = Db::demo();
    let path = d.file("agenda.pdf", &d.agenda("4/2025", false));
    let pages: Vec<String> = (1..=page_count(&path))
        .map(|i| norm(&page_layout(&path, i)))
        .collect();
    let page_of = |needle: &str, from: usize| {
        (from..pages.len())
            .find(|&i| pages[i].contains(&norm(needle)))
            .unwrap_or_else(|| panic!("{needle:?} on no page from {from}"))
    };
    let m = d.meeting("4/2025");
    let mut checked = 0;
    for it in d.store.agenda(&m.id).unwrap() {
        let (Some(n), Some(id)) = (&it.case_number, &it.case_id) else {
            continue;
        };
        let c = d.store.case(id).unwrap();
        let Some(last) = parts(&c.proposal).pop() else {
            continue;
        };
        // The item's heading (after the timetable on page 1), its summary and its proposal.
        let head = page_of(&format!("Sak {n}"), 1);
        assert_eq!(page_of(&last, head), head, "Sak {n} is split across pages");
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn agenda_lists_the_open_action_points_of_the_previous_meeting() {
    let d = Db::demo();
    let path = d.file("agenda.pdf", &d.agenda("4/2025", false));
    let body = body_text(&path);
    let tail = &norm(&body)[norm(&body).find("Åpne aksjonspunkter").unwrap()..];
    assert_in_order(
        tail,
        &[
            "Sak",
            "Aksjonspunkt",
            "Ansvarlig",
            "Frist",
            "Status",
            "24/25",
            "Helse Sør-Øst RHF presenterer MILA-prosjektet i neste møte i Nasjonalt e-helseråd.",
            "Helse Sør-Øst RHF",
            "Neste møte",
            "Åpen",
            "27/25",
            "Mandatene til NUFA og NUIT sendes på e-post til medlemmene for endelig anbefaling.",
            "Helsedirektoratet",
            "Neste møte",
            "Åpen",
        ],
    );

    // A closed action point leaves the list of the next agenda.
    let item = d.case("24/25").item_id.unwrap();
    let ap = d.store.actions(&item).unwrap().remove(0);
    d.store
        .set_action_status(&ap.id, ActionStatus::Done, "")
        .unwrap();
    let path = d.file("agenda2.pdf", &d.agenda("4/2025", false));
    let body = body_text(&path);
    assert_lacks(&body, "Helse Sør-Øst RHF presenterer MILA-prosjektet");
    assert_contains(&body, "Mandatene til NUFA og NUIT");
}

// ================================================================ memos

#[test]
fn memo_32_has_its_header_sections_and_earlier_decisions() {
    let d = Db::demo();
    let path = d.file("memo32.pdf", &d.memo("32/25", false));
    let lay = layout(&path);
    let body = body_text(&path);
    let c = d.case("32/25");

    for (label, value) in [
        ("Til", "Møte 4/25"),
        ("Dato", "11.12.2025"),
        ("Saksnummer", "32/25"),
        ("Innretning", "Drøfting"),
        ("Sakseier", "KS og Helsedirektoratet"),
        (
            "Saksbehandler",
            "Terje Wistner, KS og Per Ludvig Skjerven, Helsedirektoratet",
        ),
    ] {
        let line = lay
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line:\n{lay}"));
        assert_contains(line, value);
    }

    let mut want: Vec<String> = vec![
        "Helseteknologiordningen – status og erfaringer fra journalanskaffelser så langt".into(),
        "Møte 4/25".into(),
        "11.12.2025".into(),
        "32/25".into(),
        "Drøfting".into(),
        "KS og Helsedirektoratet".into(),
        "Terje Wistner, KS og Per Ludvig Skjerven, Helsedirektoratet".into(),
        "Forslag til vedtak".into(),
    ];
    want.extend(parts(&c.proposal));
    want.push("Hensikt med saken".into());
    want.extend(parts(&c.memo.purpose));
    want.push("Bakgrunn".into());
    want.extend(parts(&c.memo.background));
    want.extend(
        [
            "Vedtak fra tidligere behandlinger i rådsmodellen",
            "Saksnummer",
            "Møte og dato",
            "Tittel på sak",
            "Vedtak",
            "5/25",
            "E-helserådet",
            "20.03.2025",
            "Felles journalløft og status i pågående anskaffelsesprosesser i kommunal sektor",
            "Nasjonalt e-helseråd tar saken til orientering",
            "13/25",
            "E-helserådet",
            "12.06.2025",
            "Veilednings- og godkjenningsordning for helseteknologier",
            "Nasjonalt e-helseråd drøftet saken. Helsedirektoratet tar med seg innspill fra møtet inn i det videre arbeidet med etablering av veilednings- og godkjenningsordning for helseteknologier.",
        ]
        .map(String::from),
    );
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_in_order(&body, &want);
    // 32/25 has no questions and no further process: no empty headings.
    assert_lacks(&body, "Spørsmål til drøfting");
    assert_lacks(&body, "Videre saksprosess");
}

#[test]
fn memo_37_lists_the_nuit_treatment_first_in_its_table() {
    let d = Db::demo();
    let path = d.file("memo37.pdf", &d.memo("37/25", false));
    let body = body_text(&path);
    let c = d.case("37/25");
    let mut want: Vec<String> = vec!["Nasjonal e-helsestrategi – strategiske indikatorer".into()];
    want.push("Forslag til vedtak".into());
    want.extend(parts(&c.proposal));
    want.push("Hensikt med saken".into());
    want.extend(parts(&c.memo.purpose));
    want.push("Bakgrunn".into());
    want.extend(parts(&c.memo.background));
    want.push("Spørsmål til drøfting".into());
    want.extend(parts(&c.memo.questions));
    want.push("Videre saksprosess".into());
    want.extend(parts(&c.memo.process));
    want.extend(
        [
            "Vedtak fra tidligere behandlinger i rådsmodellen",
            "40/25",
            "NUIT",
            "20.11.2025",
            "Nasjonal e-helsestrategi – strategiske indikatorer",
            "NUIT ga innspill til det foreslåtte indikatorsettet og innspill til videre involvering av sektor i arbeidet.",
            "4/25",
            "E-helserådet",
            "20.03.2025",
            "Nasjonal e-helsestrategi og hypoteser til gap",
            "4/25",
            "NUIT",
            "13.02.2025",
            "Oppfølging nasjonal e-helsestrategi 1. kvartal 2025",
        ]
        .map(String::from),
    );
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_in_order(&body, &want);
}

#[test]
fn memo_33_keeps_the_numbers_and_sub_items_of_its_list() {
    let d = Db::demo();
    let path = d.file("memo33.pdf", &d.memo("33/25", false));
    let body = body_text(&path);
    let c = d.case("33/25");
    let mut want: Vec<String> = vec!["Bakgrunn".into()];
    want.extend(parts(&c.memo.background));
    want.push("Videre saksprosess".into());
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_in_order(&body, &want);
    // The Riksrevisjon's four conclusions are numbered 1 to 4 with their i), ii), iii) under
    // them, not restarted at 1 after each sub-item.
    assert_in_order(
        &body,
        &[
            "Hovedkonklusjonene er:",
            "1.",
            "Det er mulig å øke bruken",
            "i) Bruken av digital hjemmeoppfølging",
            "ii) Samarbeid med kommuner",
            "2.",
            "Helseforetakene og Helse- og omsorgsdepartementet",
            "iii) Helse- og omsorgsdepartementet har gitt oppdrag",
            "3.",
            "Foretakene og departementet",
            "4.",
            "Styringsinformasjonen om bruk",
            "Riksrevisjonsrapporten kan leses",
        ],
    );
    let list = &norm(&body)[norm(&body).find("Hovedkonklusjonene").unwrap()..];
    let list = &list[..list.find("Riksrevisjonsrapporten kan leses").unwrap()];
    assert_eq!(list.matches("1. ").count(), 1, "{list}");
}

#[test]
fn memos_without_owner_or_sections_leave_them_out() {
    let d = Db::demo();
    // 36/25: no questions, no process, no earlier treatments.
    let path = d.file("memo36.pdf", &d.memo("36/25", false));
    let body = body_text(&path);
    assert_in_order(
        &body,
        &[
            "Sakseier",
            "Wenche P. Dehli, Trondheim kommune",
            "Forslag til vedtak",
            "Hensikt med saken",
            "Bakgrunn",
        ],
    );
    for absent in [
        "Spørsmål til drøfting",
        "Videre saksprosess",
        "Vedtak fra tidligere behandlinger",
    ] {
        assert_lacks(&body, absent);
    }
    // 34/25: the seed gives no owner or officer, so neither label is printed empty.
    let path = d.file("memo34.pdf", &d.memo("34/25", false));
    let lay = layout(&path);
    assert!(!lay
        .lines()
        .any(|l| l.trim() == "Sakseier" || l.trim() == "Saksbehandler"));
    assert_lacks(&lay, "Sakseier");
}

// ================================================================ minutes of 3/2025

#[test]
fn minutes_header_lists_present_absent_substitutes_and_secretariat() {
    let d = Db::demo();
    let path = d.file("minutes.pdf", &d.minutes("3/2025", false));
    let lay = layout(&path);
    let body = body_text(&path);
    assert_in_order(
        &body,
        &["Referat fra møte i Nasjonalt e-helseråd", "Møte 3/2025"],
    );
    assert_contains(line_with(&lay, "Dato"), "16. oktober 2025");
    assert_contains(line_with(&lay, "Tid "), "Kl. 09.00 – 15.00");
    assert_contains(line_with(&lay, "Sted"), "Thon Partner Hotel Kristiansand");
    assert_contains(
        line_with(&lay, "Medlemmer"),
        "Ørjan Andersen (Helse Vest RHF)",
    );
    assert_contains(
        line_with(&lay, "Ikke til stede"),
        "Mariann Hornnes (Helsedirektoratet)",
    );

    // Present members in order, Frode Danielsen marked as taking part remotely.
    let present = [
        "Ørjan Andersen (Helse Vest RHF)",
        "Per Olav Skjesol (Helse Midt-Norge RHF)",
        "Bengt Flygel Nilsfors (Helse Nord RHF)",
        "Rune Simensen (Helse Sør-Øst RHF)",
        "Christine Bergland (Folkehelseinstituttet)",
        "Kristin W. Wieland (KS)",
        "Svein Lyngroth (Oslo kommune)",
        "Camilla Dunsæd (Kristiansand kommune)",
        "Kjell Wolff (Bergen kommune)",
        "Wenche P. Dehli (Trondheim kommune)",
        "Lill Stabell (Vestvågøy kommune)",
        "Lilly Ann Elvestad (FFO)",
        "Ivar Halvorsen (Legeforeningen)",
        "Frode Danielsen (Digitaliseringsdirektoratet) – digitalt",
        "Mariann Hornnes (Helsedirektoratet)",
        "Hilde Myhren (Helsedirektoratet)",
        "Kai Øivind Brenden (Norsk Sykepleierforbund)",
        "Johan Ronæs (Norsk helsenett SF)",
    ];
    assert_in_order(&body, &present);
    // "Stedfortreder" lines exactly as the seed writes them, in the seed's order, each on one line.
    let subs = [
        "Lucie Aunan, Helsedirektoratet, stiller for Mariann Hornnes",
        "Liv Heidi Brattås Remo, Helsedirektoratet, stiller for Hilde Myhren",
        "Odd Martin Solem, Norsk helsenett SF, stiller for Johan Ronæs",
    ];
    assert_contains(line_with(&lay, "Stedfortreder"), subs[0]);
    for s in subs {
        assert!(
            lay.lines().any(|l| norm(l).ends_with(s)),
            "{s:?} on a line of its own:\n{lay}"
        );
    }
    assert_in_order(&body, &subs);
    // The secretariat under its organisation's name.
    let secretariat = lay
        .lines()
        .find(|l| l.trim_start().starts_with("Helsedirektoratet "))
        .expect("a Helsedirektoratet line");
    assert_contains(secretariat, "Siv Ingebrigtsen");
    assert_in_order(
        &body,
        &[
            "Odd Martin Solem",
            "Siv Ingebrigtsen",
            "Bente Andersen Sundlo",
            "Karen Lima",
            "Vibeke Jonassen Wang",
        ],
    );
}

#[test]
fn minutes_record_each_case_with_innspill_actions_and_decision() {
    let d = Db::demo();
    let path = d.file("minutes.pdf", &d.minutes("3/2025", false));
    let body = body_text(&path);
    let m = d.meeting("3/2025");
    // pdftotext's own reading order (plain and -layout): the case records in order.
    for t in [text(&path), layout(&path)] {
        assert_in_order(
            &t,
            &[
                "Referat fra møte i Nasjonalt e-helseråd",
                "29/25",
                "21/25 Godkjenning av innkalling og dagsorden",
                "22/25 Godkjenning av referatet",
                "23/25 Helse- og omsorgsdepartementet orienterer",
                "Dagsaktuelt",
                "24/25 Helse Nords arbeid",
                "25/25 Pågående nasjonale tiltak",
                "26/25 Konsekvenser av Helsedataforordningen",
                "27/25 Nye mandater for utvalgene i rådsmodellen",
                "28/25 Orientering fra Helsedirektoratet",
                "29/25 Eventuelt",
                "Status: Utkast – referatet er ikke godkjent.",
            ],
        );
    }
    let items: Vec<_> = d
        .store
        .agenda(&m.id)
        .unwrap()
        .into_iter()
        .filter(|i| matches!(i.kind.as_str(), "case" | "open" | "orientation"))
        .collect();

    // The case list: Sak | Tittel på sak | Sakstype, every item.
    let mut want: Vec<String> = vec!["Sak".into(), "Tittel på sak".into(), "Sakstype".into()];
    for i in &items {
        want.extend(i.case_number.clone());
        want.push(i.title.clone());
        if !i.case_type.is_empty() {
            want.push(i.case_type.clone());
        }
    }
    // Then each case: heading, narrative, Innspill, Aksjonspunkt, Vedtak.
    for i in &items {
        want.push(match &i.case_number {
            Some(n) => format!("{n} {}", i.title),
            None => i.title.clone(),
        });
        want.extend(parts(&i.narrative));
        let innspill = d.store.innspill(&i.id).unwrap();
        if !innspill.is_empty() {
            want.push("Innspill:".into());
            want.extend(innspill.into_iter().map(|x| x.text));
        }
        let actions = d.store.actions(&i.id).unwrap();
        if !actions.is_empty() {
            want.push("Aksjonspunkt:".into());
            want.extend(actions.into_iter().map(|x| x.text));
        }
        if let Some(c) = i.case_id.as_ref().map(|id| d.store.case(id).unwrap()) {
            if let Some(dec) = &c.decision {
                want.push(
                    if c.amended {
                        "Vedtak oppdatert:"
                    } else {
                        "Vedtak:"
                    }
                    .into(),
                );
                want.extend(parts(dec));
            }
        }
    }
    want.push("Status: Utkast – referatet er ikke godkjent.".into());
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_in_order(&body, &want);

    // The seed's amended decisions are 24/25 and 25/25, and only those.
    assert_eq!(norm(&body).matches("Vedtak oppdatert:").count(), 2);
    assert_in_order(
        &body,
        &[
            "24/25 Helse Nords arbeid",
            "Aksjonspunkt:",
            "Helse Sør-Øst RHF presenterer MILA-prosjektet i neste møte i Nasjonalt e-helseråd.",
            "Vedtak oppdatert:",
            "Nasjonalt e-helseråd tar saken til orientering. Nasjonalt e-helseråd erkjenner behovet",
            "25/25 Pågående nasjonale tiltak",
            "Vedtak oppdatert:",
            "Nasjonalt e-helseråd ble orientert om saken",
            "26/25 Konsekvenser av Helsedataforordningen",
            "Vedtak:",
            "27/25 Nye mandater",
            "Aksjonspunkt:",
            "Mandatene til NUFA og NUIT sendes på e-post til medlemmene for endelig anbefaling.",
            "Vedtak:",
            "28/25 Orientering fra Helsedirektoratet",
            "KI til helserelaterte spørsmål",
            "29/25 Eventuelt",
            "Det kom ingen saker til eventuelt.",
            "Status: Utkast – referatet er ikke godkjent.",
        ],
    );
    // Eventuelt had nothing to decide: no "Vedtak ikke registrert".
    assert_lacks(&body, "Vedtak ikke registrert");
    assert_lacks(&body, "Godkjent i møte");
}

#[test]
fn what_is_recorded_when_a_case_resumes_is_in_its_minutes_and_the_register() {
    let d = Db::demo();
    let s = &d.store;
    let m3 = d.meeting("3/2025");
    let c24 = d.case("24/25");
    // 24/25 resumed at the end of the day, and an action point under Dagsaktuelt.
    let resumed = s
        .add_item(
            &m3.id,
            &ItemInput {
                kind: ItemKind::Continuation,
                continues_case_id: Some(c24.id.clone()),
                duration_min: 10,
                ..Default::default()
            },
            None,
        )
        .unwrap();
    s.set_narrative(&resumed.id, "Saken ble tatt opp igjen etter lunsj.")
        .unwrap();
    s.add_innspill(&resumed.id, "Ahus deler gjerne erfaringene fra MILA.", None)
        .unwrap();
    s.add_action(
        &resumed.id,
        &ActionInput {
            text: "Helse Nord RHF sender kartleggingen til sekretariatet.".into(),
            responsible: "Helse Nord RHF".into(),
            due: Due::Date("2025-11-15".into()),
        },
    )
    .unwrap();
    let dagsaktuelt = s
        .agenda(&m3.id)
        .unwrap()
        .into_iter()
        .find(|i| i.title == "Dagsaktuelt")
        .unwrap();
    s.add_action(
        &dagsaktuelt.id,
        &ActionInput {
            text: "Sekretariatet forbereder en sak om totalberedskap.".into(),
            responsible: "Helsedirektoratet".into(),
            due: Due::NextMeeting,
        },
    )
    .unwrap();

    let path = d.file("minutes.pdf", &d.minutes("3/2025", false));
    let body = body_text(&path);
    assert_in_order(
        &body,
        &[
            "Dagsaktuelt",
            "Aksjonspunkt:",
            "Sekretariatet forbereder en sak om totalberedskap.",
            "24/25 Helse Nords arbeid",
            "gjøres i regi av Helse Nord RHF.",
            "Saken ble tatt opp igjen etter lunsj.",
            "Innspill:",
            "Dette var tidligere et prosjekt hos Helsedirektoratet",
            "Ahus deler gjerne erfaringene fra MILA.",
            "Aksjonspunkt:",
            "Helse Sør-Øst RHF presenterer MILA-prosjektet",
            "Helse Nord RHF sender kartleggingen til sekretariatet.",
            "Vedtak oppdatert:",
            "25/25 Pågående",
        ],
    );
    // Once: the continuation has no section of its own.
    assert_eq!(norm(&body).matches("Saken ble tatt opp igjen").count(), 1);
    assert_sound(&path);

    let path = d.file("register.pdf", &d.register(2025, false));
    assert_in_order(
        &body_text(&path),
        &[
            "Aksjonspunkter",
            "Møte 3/2025",
            "Sekretariatet forbereder en sak om totalberedskap.",
            "24/25",
            "Helse Sør-Øst RHF presenterer MILA-prosjektet",
            "27/25",
            "Mandatene til NUFA og NUIT",
            // In agenda order: the continuation came last in the meeting.
            "24/25",
            "Helse Nord RHF sender kartleggingen til sekretariatet.",
            "15.11.2025",
        ],
    );
}

#[test]
fn approved_minutes_say_where_and_list_corrections() {
    let d = Db::demo();
    let m3 = d.meeting("3/2025");
    let c31 = d.case("31/25");
    d.store.accept_proposal(&c31.id).unwrap();
    d.store.approve_minutes(&m3.id, &c31.id).unwrap();

    let path = d.file("approved.pdf", &d.minutes("3/2025", false));
    let body = body_text(&path);
    assert_in_order(
        &body,
        &[
            "29/25 Eventuelt",
            "Status: Godkjent i møte 4/2025, sak 31/25.",
        ],
    );
    assert_lacks(&body, "Utkast");
    assert_lacks(&body, "Rettelser etter godkjenning");

    // The record is locked: a plain edit is refused, a correction is made and listed.
    let item23 = d.case("23/25").item_id.unwrap();
    let first = d.store.innspill(&item23).unwrap().remove(0);
    assert!(d
        .store
        .update_innspill(&first.id, "Stille endring")
        .is_err());
    let reason = "Feil i gjengivelsen av innspill fra KS under sak 23/25";
    let fixed = "Kommunene kommer svakt ut når det gjelder kraft og kapasitet til å formulere behov knyttet til kunstig intelligens.";
    d.store
        .correct(reason, |s| s.update_innspill(&first.id, fixed))
        .unwrap();
    let when = d.store.corrections(&m3.id).unwrap().remove(0).at;
    let when = format!("{}.{}.{}", &when[8..10], &when[5..7], &when[0..4]);

    let path = d.file("corrected.pdf", &d.minutes("3/2025", false));
    let body = body_text(&path);
    assert_in_order(
        &body,
        &[
            "23/25 Helse- og omsorgsdepartementet orienterer",
            fixed,
            "Status: Godkjent i møte 4/2025, sak 31/25.",
            "Rettelser etter godkjenning:",
            &format!("{when}: {reason}"),
        ],
    );
    assert_lacks(&body, &first.text);
    assert_sound(&path);
}

// ================================================================ register 2025

#[test]
fn register_lists_every_case_of_the_year_with_meeting_decision_and_actions() {
    let d = Db::demo();
    let path = d.file("register.pdf", &d.register(2025, false));
    let body = body_text(&path);
    let lay = layout(&path);

    let mut want: Vec<String> = vec![
        "Vedtaksregister 2025".into(),
        "Nasjonalt e-helseråd".into(),
        "Saker og vedtak".into(),
    ];
    for n in 21..=39 {
        let c = d.case(&format!("{n}/25"));
        let (meeting, date) = if n <= 29 {
            ("Møte 3/2025", "16.10.2025")
        } else {
            ("Møte 4/2025", "11.12.2025")
        };
        want.push(format!("{n}/25"));
        want.push(meeting.into());
        want.push(date.into());
        want.push(c.title.clone());
        match (&c.decision, c.amended) {
            (Some(dec), true) => {
                want.push("Vedtak oppdatert:".into());
                want.extend(parts(dec));
            }
            (Some(dec), false) => want.extend(parts(dec)),
            (None, _) if !c.proposal.is_empty() => {
                want.push("Forslag til vedtak:".into());
                want.extend(parts(&c.proposal));
            }
            (None, _) => {}
        }
        // The row's first line has the number and the meeting.
        let row = lay
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{n}/25 ")))
            .unwrap_or_else(|| panic!("no row for {n}/25:\n{lay}"));
        assert_contains(row, meeting);
    }
    want.extend(
        [
            "Aksjonspunkter",
            "24/25",
            "Helse Sør-Øst RHF presenterer MILA-prosjektet",
            "Neste møte",
            "Åpen",
            "27/25",
            "Mandatene til NUFA og NUIT",
            "Neste møte",
            "Åpen",
        ]
        .map(String::from),
    );
    let want: Vec<&str> = want.iter().map(String::as_str).collect();
    assert_in_order(&body, &want);
    // Only this body's cases: NUIT's 40/25 is not in E-helserådet's register.
    assert_lacks(&body, "40/25");
    assert_eq!(norm(&body).matches("Vedtak oppdatert:").count(), 2);

    // An action point's status follows the record.
    let item = d.case("27/25").item_id.unwrap();
    let ap = d.store.actions(&item).unwrap().remove(0);
    d.store
        .set_action_status(&ap.id, ActionStatus::Done, "Sendt 20.10.2025")
        .unwrap();
    let path = d.file("register2.pdf", &d.register(2025, false));
    assert_in_order(
        &body_text(&path),
        &[
            "Aksjonspunkter",
            "27/25",
            "Mandatene til NUFA",
            "Utført: Sendt 20.10.2025",
        ],
    );
}

#[test]
fn register_of_a_year_without_cases_says_so() {
    let d = Db::demo();
    let path = d.file("empty.pdf", &d.register(2030, false));
    assert_in_order(
        &body_text(&path),
        &[
            "Vedtaksregister 2030",
            "Nasjonalt e-helseråd",
            "Ingen saker dette året.",
        ],
    );
    assert_sound(&path);
}

// ================================================================ soundness of every file

/// Every document of the demo record, private and public: (file name, bytes).
fn demo_documents(d: &Db) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for public in [false, true] {
        let tag = if public { "-public" } else { "" };
        out.push((format!("agenda{tag}.pdf"), d.agenda("4/2025", public)));
        out.push((format!("minutes{tag}.pdf"), d.minutes("3/2025", public)));
        out.push((format!("register{tag}.pdf"), d.register(2025, public)));
        for n in 30..=39 {
            out.push((
                format!("memo{n}{tag}.pdf"),
                d.memo(&format!("{n}/25"), public),
            ));
        }
    }
    out
}

#[test]
fn every_demo_document_passes_qpdf_embeds_its_fonts_and_keeps_to_the_margins() {
    let d = Db::demo();
    d.store
        .set_exempt(&d.case("33/25").id, true, "offl. § 14")
        .unwrap();
    for (name, bytes) in demo_documents(&d) {
        let path = d.file(&name, &bytes);
        assert_sound(&path);
        assert_no_orphaned_labels(&path);
        assert_rasterises(&path);
    }
}

#[test]
fn the_same_record_gives_the_same_bytes() {
    let a = Db::demo();
    let b = Db::demo();
    // Different ids, same content.
    assert_ne!(a.case("32/25").id, b.case("32/25").id);
    let first = demo_documents(&a);
    let again = demo_documents(&a);
    let other = demo_documents(&b);
    for ((name, x), ((_, y), (_, z))) in first.iter().zip(again.iter().zip(other.iter())) {
        assert!(x == y, "{name}: two renderings of the same record differ");
        assert!(
            x == z,
            "{name}: a second record with the same content gives other bytes"
        );
    }
}

#[test]
fn the_cli_writes_the_same_bytes_as_the_core() {
    let d = Db::empty();
    d.cli_ok(&["demo"]);
    let out = |name: &str| d.dir.path().join(name).to_str().unwrap().to_string();
    let cases: Vec<(Vec<String>, Vec<u8>)> = vec![
        (
            vec!["agenda".into(), "--meeting".into(), "4/2025".into()],
            d.agenda("4/2025", false),
        ),
        (
            vec!["memo".into(), "--case".into(), "32/25".into()],
            d.memo("32/25", false),
        ),
        (
            vec!["minutes".into(), "--meeting".into(), "3/2025".into()],
            d.minutes("3/2025", false),
        ),
        (
            vec!["register".into(), "--year".into(), "2025".into()],
            d.register(2025, false),
        ),
    ];
    for (i, (args, core)) in cases.into_iter().enumerate() {
        let file = out(&format!("cli{i}.pdf"));
        let mut all: Vec<&str> = vec!["pdf", &args[0], "--body", EH];
        all.extend(args[1..].iter().map(String::as_str));
        all.extend(["-o", file.as_str()]);
        d.cli_ok(&all);
        let written = std::fs::read(&file).unwrap();
        assert!(
            written == core,
            "quorum pdf {args:?} differs from the core's bytes"
        );
    }
}

#[test]
fn metadata_comes_from_the_record() {
    let d = Db::demo();
    let check = |name: &str, bytes: Vec<u8>, title: &str, subject: &str, created: &str| {
        let path = d.file(name, &bytes);
        let i = info(&path);
        assert_eq!(i["Title"], title, "{name}");
        assert_eq!(i["Author"], "Nasjonalt e-helseråd", "{name}");
        assert_eq!(i["Subject"], subject, "{name}");
        assert!(i["CreationDate"].starts_with(created), "{name}: {i:?}");
        assert!(i["ModDate"].starts_with(created), "{name}: {i:?}");
    };
    check(
        "agenda.pdf",
        d.agenda("4/2025", false),
        "Innkalling og dagsorden – Nasjonalt e-helseråd 4/2025",
        "Møte 4/2025, 11. desember 2025",
        "2025-12-11T10:00:00",
    );
    check(
        "minutes.pdf",
        d.minutes("3/2025", false),
        "Referat fra møte i Nasjonalt e-helseråd 3/2025",
        "Møte 3/2025, 16. oktober 2025",
        "2025-10-16T09:00:00",
    );
    check(
        "memo.pdf",
        d.memo("32/25", false),
        "Toppnotat – 32/25 Helseteknologiordningen – status og erfaringer fra journalanskaffelser så langt",
        "Møte 4/2025, 11. desember 2025",
        "2025-12-11T10:00:00",
    );
    check(
        "register.pdf",
        d.register(2025, false),
        "Vedtaksregister 2025 – Nasjonalt e-helseråd",
        "Vedtaksregister 2025 – Nasjonalt e-helseråd",
        "2025-12-11T10:00:00",
    );

    // A meeting on another day gives another creation date: it is the record's, not the clock's.
    let s = &d.store;
    let body = s.body_by_short(EH).unwrap();
    let m = s
        .create_meeting(
            &body.id,
            &MeetingInput {
                number: "1/2031".into(),
                date: "2031-05-04".into(),
                start: "09:30".into(),
                end: "11:00".into(),
                place: "Oslo".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let path = d.file("later.pdf", &s.agenda_pdf(&m.id, opts(false)).unwrap());
    assert!(info(&path)["CreationDate"].starts_with("2031-05-04T09:30:00"));
}

// ================================================================ public versions

/// What the documents print themselves (labels, months): never a secret.
const VOCABULARY: &str =
    "Møte i Innkalling og dagsorden Referat fra møte i Dato Tid Sted Medlemmer \
Observatører Ikke til stede Stedfortreder stiller for Gjester Innleder Sekretariat Sak Agenda \
Tidspunkt Sakstype Tema Tittel på sak Slutt Forslag til vedtak Vedtak oppdatert Innspill \
Aksjonspunkt Aksjonspunkter Vedlegg Ingen toppnotat Unntatt offentlighet Hjemmel Åpne \
aksjonspunkter Ansvarlig Frist Status Neste møte Åpen Utført Utgår Til Saksnummer Innretning \
Sakseier Saksbehandler Hensikt med saken Bakgrunn Spørsmål til drøfting Videre saksprosess \
Vedtak fra tidligere behandlinger i rådsmodellen Møte og dato Vedtaksregister Saker og vedtak \
Toppnotat Vedtak ikke registrert Utkast referatet er ikke godkjent Godkjent i møte Rettelser \
etter godkjenning digitalt Videomøte Side av januar februar mars april mai juni juli august \
september oktober november desember Ingen saker dette året";

/// Every text of a case and its agenda item: what an exempt case must not show publicly.
fn case_texts(s: &Store, c: &quorum_record::model::Case) -> Vec<String> {
    let mut out = vec![
        c.title.clone(),
        c.summary.clone(),
        c.proposal.clone(),
        c.memo.purpose.clone(),
        c.memo.background.clone(),
        c.memo.questions.clone(),
        c.memo.process.clone(),
        c.owner.clone(),
        c.officer.clone(),
        c.decision.clone().unwrap_or_default(),
    ];
    out.extend(c.attachments.iter().map(|a| a.title.clone()));
    for l in c.links.iter().filter(|l| !l.exempt) {
        out.push(l.title.clone());
        out.push(l.decision.clone());
    }
    if let Some(item) = &c.item_id {
        let it = s.item(item).unwrap();
        out.push(it.summary.clone());
        out.push(it.narrative.clone());
        out.extend(s.innspill(item).unwrap().into_iter().map(|i| i.text));
        for a in s.actions(item).unwrap() {
            out.push(a.text);
            out.push(a.status_note);
        }
    }
    out.retain(|t| !t.trim().is_empty());
    out
}

/// Everything the record may show publicly: every text of the cases and items that are not
/// exempt, people, bodies, places, and the documents' own words.
fn public_texts(s: &Store) -> Vec<String> {
    let mut out = vec![VOCABULARY.to_string()];
    for p in s.people().unwrap() {
        out.push(format!("{} {}", p.name, p.organisation));
    }
    for b in s.bodies().unwrap() {
        out.push(format!("{} {} {}", b.short_name, b.name, b.secretariat));
        for m in s.meetings(&b.id, None).unwrap() {
            out.push(format!("{} {}", m.place, m.remote_link));
            for it in s.agenda(&m.id).unwrap() {
                let case = it.case_id.as_ref().map(|id| s.case(id).unwrap());
                match case {
                    Some(c) if c.exempt => {}
                    Some(c) => out.extend(case_texts(s, &c)),
                    None => {
                        out.extend([it.title.clone(), it.summary.clone(), it.guest.clone()]);
                        out.push(it.narrative.clone());
                        out.extend(s.innspill(&it.id).unwrap().into_iter().map(|i| i.text));
                        out.extend(s.actions(&it.id).unwrap().into_iter().map(|a| a.text));
                    }
                }
            }
        }
    }
    out
}

/// Phrases and words of an exempt case that appear nowhere in what may be public: its whole
/// title, every run of four words of each of its texts, and its words of six letters or more.
fn secrets(s: &Store, number: &str) -> Vec<String> {
    let c = s.case_by_number(EH, number).unwrap();
    assert!(c.exempt, "{number} is exempt");
    let allowed_texts = public_texts(s);
    let allowed_all = allowed_texts.join(" \n ");
    let allowed_norm = word_text(&allowed_all);
    let allowed_words: std::collections::HashSet<String> =
        words_of(&allowed_all, 1).into_iter().collect();
    let allowed_runs: std::collections::HashSet<String> =
        allowed_texts.iter().flat_map(|t| shingles(t, 4)).collect();
    let mut out: Vec<String> = Vec::new();
    if !allowed_norm.contains(&word_text(&c.title)) {
        out.push(c.title.clone());
    }
    for t in case_texts(s, &c) {
        for run in shingles(&t, 4) {
            if !allowed_runs.contains(&run) && !out.contains(&run) {
                out.push(run);
            }
        }
        for w in words_of(&t, 6) {
            if !allowed_words.contains(&w) && !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// How many of `needles` the PDF's text shows (to prove the needles would be found).
fn shown(path: &std::path::Path, needles: &[String]) -> usize {
    let t = word_text(&body_text(path));
    needles.iter().filter(|n| t.contains(&word_text(n))).count()
}

#[test]
fn public_versions_show_only_number_exemption_and_basis_of_exempt_cases() {
    let d = Db::empty();
    d.cli_ok(&["demo"]);
    d.cli_ok(&[
        "case",
        "exempt",
        "--body",
        EH,
        "33/25",
        "--basis",
        "offl. § 14",
    ]);
    d.cli_ok(&[
        "case",
        "exempt",
        "--body",
        EH,
        "26/25",
        "--basis",
        "offl. § 14",
    ]);
    // An open action point of 26/25 would follow the body onto the 4/2025 agenda.
    let item26 = d.case("26/25").item_id.unwrap();
    d.store
        .add_action(
            &item26,
            &ActionInput {
                text:
                    "Folkehelseinstituttet utreder sekundærbruksmodellen for helsedataforordningen"
                        .into(),
                responsible: "Folkehelseinstituttet".into(),
                due: Due::NextMeeting,
            },
        )
        .unwrap();
    let s33 = secrets(&d.store, "33/25");
    let s26 = secrets(&d.store, "26/25");
    assert!(
        s33.len() > 100 && s26.len() > 50,
        "{} / {}",
        s33.len(),
        s26.len()
    );
    assert!(s33.iter().any(|n| n == "riksrevisjonens undersøkelse om å"));
    assert!(s26
        .iter()
        .any(|n| n == "Konsekvenser av Helsedataforordningen"));

    let pdf = |kind: &str, args: &[&str], public: bool| {
        let file = d.dir.path().join(format!(
            "{kind}-{}{}.pdf",
            args.join("_").replace('/', "-"),
            if public { "-pub" } else { "" }
        ));
        let mut all = vec!["pdf", kind, "--body", EH];
        all.extend_from_slice(args);
        all.extend(["-o", file.to_str().unwrap()]);
        if public {
            all.push("--public");
        }
        d.cli_ok(&all);
        file
    };

    // The internal versions show the content: the needles are real.
    let agenda = pdf("agenda", &["--meeting", "4/2025"], false);
    let minutes = pdf("minutes", &["--meeting", "3/2025"], false);
    let memo = pdf("memo", &["--case", "33/25"], false);
    assert!(shown(&agenda, &s33) > 20);
    assert_contains(&body_text(&agenda), "sekundærbruksmodellen");
    assert!(shown(&minutes, &s26) > 50);
    assert!(shown(&memo, &s33) > 100);

    // Agenda: the number, "Unntatt offentlighet" and the basis; no type, time row kept.
    let agenda = pdf("agenda", &["--meeting", "4/2025"], true);
    let lay = layout(&agenda);
    let row = line_with(&lay, "12:35");
    assert_in_order(
        row,
        &["33/25", "Unntatt offentlighet (offl. § 14)", "12:35"],
    );
    assert_lacks(row, "Orientering");
    assert_in_order(
        &body_text(&agenda),
        &[
            "Sak 33/25",
            "Unntatt offentlighet",
            "Hjemmel",
            "offl. § 14",
            "Sak 34/25",
            "MILA",
        ],
    );
    assert_nowhere(&agenda, &s33, "public agenda");
    assert_nowhere(&agenda, &s26, "public agenda (open action points)");
    assert_in_order(
        &body_text(&agenda),
        &["Åpne aksjonspunkter", "24/25", "27/25"],
    );
    assert_sound(&agenda);

    // Minutes: the case list row and the heading, nothing of the record of 26/25.
    let minutes = pdf("minutes", &["--meeting", "3/2025"], true);
    let body = body_text(&minutes);
    assert_in_order(
        &body,
        &[
            "26/25",
            "Unntatt offentlighet (offl. § 14)",
            "27/25",
            "25/25 Pågående",
            "26/25 Unntatt offentlighet (offl. § 14)",
            "27/25 Nye mandater",
        ],
    );
    assert_nowhere(&minutes, &s26, "public minutes");
    assert_sound(&minutes);

    // Register: both exempt cases keep their row with number, meeting and the exemption.
    let register = pdf("register", &["--year", "2025"], true);
    let body = body_text(&register);
    assert_in_order(
        &body,
        &[
            "26/25",
            "Møte 3/2025",
            "Unntatt offentlighet",
            "offl. § 14",
            "27/25",
            "33/25",
            "Møte 4/2025",
            "Unntatt offentlighet",
            "offl. § 14",
            "34/25",
        ],
    );
    assert_nowhere(&register, &s33, "public register");
    assert_nowhere(&register, &s26, "public register");
    assert_sound(&register);

    // The exempt case's memo: number, exemption and basis only.
    let memo = pdf("memo", &["--case", "33/25"], true);
    assert_in_order(
        &body_text(&memo),
        &[
            "Sak 33/25",
            "Saksnummer",
            "33/25",
            "Unntatt offentlighet",
            "offl. § 14",
        ],
    );
    assert_nowhere(&memo, &s33, "public memo 33/25");
    assert_sound(&memo);
    // The other memos of the meeting say nothing of it either.
    for n in ["32/25", "34/25", "37/25"] {
        let other = pdf("memo", &["--case", n], true);
        assert_nowhere(&other, &s33, &format!("public memo {n}"));
    }
}

#[test]
fn an_exempt_case_linked_from_another_memo_shows_only_its_number() {
    let d = Db::demo();
    // 37/25's table lists NUIT's 40/25; made exempt, the public memo keeps only its number.
    let c40 = d.store.case_by_number("NUIT", "40/25").unwrap();
    d.store.set_exempt(&c40.id, true, "offl. § 14").unwrap();
    let path = d.file("memo37.pdf", &d.memo("37/25", true));
    let body = body_text(&path);
    assert_in_order(
        &body,
        &[
            "Vedtak fra tidligere behandlinger i rådsmodellen",
            "40/25",
            "NUIT",
            "Unntatt offentlighet",
            "4/25",
        ],
    );
    assert_nowhere(
        &path,
        &["NUIT ga innspill til det foreslåtte indikatorsettet og innspill til videre involvering".to_string()],
        "public memo 37/25",
    );
}

// ================================================================ hostile content

const IMG: &str = "<img src=x onerror=alert(1)>";
const EMOJI: &str = "Digital 🏥 helse – 👍🏽 og 👩‍⚕️ med 🇳🇴";
const RTL: &str = "דיון על תקציב 2026 / مناقشة الميزانية";

fn long_word(n: usize) -> String {
    "Helseteknologiordningsevalueringsrapport"
        .chars()
        .cycle()
        .take(n)
        .collect()
}

fn ten_thousand_words() -> String {
    let vocab = [
        "digitalisering",
        "helsetjenesten",
        "kommunene",
        "samhandling",
        "og",
        "i",
        "for",
        "pasientens",
        "legemiddelliste",
        "journalløsninger",
        "🙂",
        "שלום",
        "كتاب",
        "e-helsestrategi",
        "—",
        "«sitat»",
        "§ 14",
        "100 %",
        "<b>fet</b>",
        "&amp;",
    ];
    let mut out = String::new();
    for i in 0..10_000 {
        if i > 0 {
            out.push(if i % 120 == 0 { '\n' } else { ' ' });
            if i % 600 == 0 {
                out.push('\n');
            }
            if i % 450 == 0 {
                out.push_str("- ");
            }
        }
        out.push_str(vocab[(i * 7 + i / 13) % vocab.len()]);
    }
    out
}

/// A body with 60 members (scripts, emoji, long organisations), a meeting with 300 agenda items
/// and every kind of hostile text, held, with attendance, innspill, actions and decisions.
struct Hostile {
    db: Db,
    meeting_id: String,
    img_case: String,
    long_case: String,
}

fn hostile_record() -> Hostile {
    let db = Db::empty();
    let s = &db.store;
    let body = s
        .create_body(&BodyInput {
            short_name: "Fiendtlig".into(),
            name: format!("Rådet for {IMG} 🎉 שלום {}", long_word(60)),
            secretariat: "Sekretariatet ✓".into(),
            default_place: "Oslo".into(),
            language: Lang::Nb,
        })
        .unwrap();
    let mut people = Vec::new();
    for i in 0..66 {
        let name = match i % 6 {
            0 => format!("Medlem {i} Nordmann"),
            1 => format!("Ярослава Дмитриевна {i}"),
            2 => format!("محمد عبد الله {i}"),
            3 => format!("👩‍⚕️ Emoji Person {i}"),
            4 => format!("{} {i}", long_word(200)),
            _ => format!("Ana-María O’Neill-Øvrebø {i} {IMG}"),
        };
        let organisation = match i % 4 {
            0 => String::new(),
            1 => format!("Helse {} RHF", long_word(120)),
            2 => RTL.to_string(),
            _ => EMOJI.to_string(),
        };
        let p = s
            .create_person(&PersonInput {
                name,
                organisation,
                email: String::new(),
            })
            .unwrap();
        people.push(p.id);
    }
    for (i, pid) in people.iter().enumerate().take(60) {
        s.add_membership(
            &body.id,
            &MembershipInput {
                person_id: pid.clone(),
                role: if i % 15 == 14 {
                    Role::Observer
                } else {
                    Role::Member
                },
                term_from: None,
                term_to: None,
                substitute_id: None,
            },
        )
        .unwrap();
    }
    let m = s
        .create_meeting(
            &body.id,
            &MeetingInput {
                number: "1/2026".into(),
                date: "2026-02-03".into(),
                start: "08:00".into(),
                end: "18:00".into(),
                place: format!("{RTL} {IMG} {}", long_word(150)),
                ..Default::default()
            },
        )
        .unwrap();
    let case = |title: String, summary: String, proposal: String, memo: MemoSections| ItemInput {
        kind: ItemKind::Case,
        duration_min: 2,
        new_case: Some(CaseInput {
            title,
            case_type: "Drøfting".into(),
            summary,
            proposal: Some(proposal),
            no_memo: false,
            memo,
            owner: format!("{EMOJI} {RTL}"),
            officer: long_word(200),
        }),
        ..Default::default()
    };
    let mut img_case = String::new();
    let mut long_case = String::new();
    let mut first_case = String::new();
    for i in 0..300 {
        let input = match i {
            0 => case(
                IMG.into(),
                format!("{IMG}\n- {IMG}"),
                IMG.into(),
                MemoSections {
                    purpose: IMG.into(),
                    background: format!("<script>alert('x')</script>\n\n{RTL}\n\n{EMOJI}"),
                    questions: "- </td></tr></table>".into(),
                    process: "1. %PDF-1.7 fiendtligmarkør\n2. endobj trailer << /Root 1 0 R >>"
                        .into(),
                },
            ),
            1 => case(
                format!("Tittel med {} i seg", long_word(200)),
                long_word(200),
                long_word(200),
                MemoSections::default(),
            ),
            2 => case(
                "Sak med bakgrunn på ti tusen ord".into(),
                ten_thousand_words().chars().take(3000).collect(),
                ten_thousand_words().chars().take(2000).collect(),
                MemoSections {
                    purpose: EMOJI.into(),
                    background: ten_thousand_words(),
                    questions: RTL.into(),
                    process: "- ".repeat(10) + "slutt",
                },
            ),
            3 => case(
                EMOJI.into(),
                EMOJI.into(),
                EMOJI.into(),
                MemoSections::default(),
            ),
            4 => case(RTL.into(), RTL.into(), RTL.into(), MemoSections::default()),
            5 => ItemInput {
                kind: ItemKind::Orientation,
                title: format!("Orientering fra {IMG}"),
                guest: format!("{RTL}, {}", long_word(200)),
                summary: ten_thousand_words().chars().take(1500).collect(),
                duration_min: 2,
                ..Default::default()
            },
            6 => ItemInput {
                kind: ItemKind::Open,
                title: format!("Dagsaktuelt {EMOJI}"),
                case_type: "Åpen sak".into(),
                summary: RTL.into(),
                duration_min: 2,
                ..Default::default()
            },
            7 => ItemInput {
                kind: ItemKind::Continuation,
                continues_case_id: Some(first_case.clone()),
                duration_min: 2,
                ..Default::default()
            },
            i if i % 10 == 9 => ItemInput {
                kind: ItemKind::Break,
                title: format!(
                    "Pause ☕ {}",
                    if i % 20 == 9 {
                        long_word(80)
                    } else {
                        String::new()
                    }
                ),
                duration_min: 5,
                ..Default::default()
            },
            i => case(
                format!("Sak nummer {i}: {}", ["vanlig", EMOJI, RTL, IMG][i % 4]),
                format!("Kort om sak {i}."),
                format!("Rådet drøftet sak {i}."),
                MemoSections::default(),
            ),
        };
        let item = s.add_item(&m.id, &input, None).unwrap();
        match i {
            0 => {
                img_case = item.case_id.clone().unwrap();
                first_case = img_case.clone();
            }
            2 => long_case = item.case_id.clone().unwrap(),
            _ => {}
        }
    }
    // Attachments and earlier treatments with hostile titles.
    for (label, title) in [
        ("1", IMG.to_string()),
        ("1A", long_word(200)),
        ("2", EMOJI.to_string()),
    ] {
        s.add_attachment(
            &img_case,
            &AttachmentInput {
                label: label.into(),
                title,
                ..Default::default()
            },
            None,
        )
        .unwrap();
    }
    s.add_reference(
        &img_case,
        &ReferenceInput {
            number: "99/25".into(),
            body: long_word(100),
            date: "2025-06-12".into(),
            title: IMG.into(),
            decision: format!("{}\n- {RTL}\n- {EMOJI}", long_word(200)),
        },
    )
    .unwrap();
    s.send_agenda(&m.id).unwrap();
    s.mark_held(&m.id).unwrap();

    // Attendance: most present (some remote), five absent with substitutes, secretariat, guests.
    for (i, pid) in people.iter().enumerate().take(60) {
        let status = if i % 15 == 14 {
            AttendanceStatus::Observer
        } else if i % 12 == 5 {
            AttendanceStatus::Absent
        } else {
            AttendanceStatus::Present
        };
        s.set_attendance(
            &m.id,
            &AttendanceInput {
                person_id: pid.clone(),
                status,
                substitute_for: None,
                remote: i % 7 == 3,
            },
        )
        .unwrap();
    }
    for (k, pid) in people[60..65].iter().enumerate() {
        s.set_attendance(
            &m.id,
            &AttendanceInput {
                person_id: pid.clone(),
                status: AttendanceStatus::Substitute,
                substitute_for: Some(people[5 + 12 * k].clone()),
                remote: false,
            },
        )
        .unwrap();
    }
    s.set_attendance(
        &m.id,
        &AttendanceInput {
            person_id: people[65].clone(),
            status: AttendanceStatus::Secretariat,
            substitute_for: None,
            remote: false,
        },
    )
    .unwrap();

    // Narratives, innspill, actions and decisions on the first cases.
    for it in s.agenda(&m.id).unwrap().into_iter().take(12) {
        s.set_narrative(&it.id, &format!("{IMG}\n\n{RTL}\n\n{}", long_word(200)))
            .unwrap();
        for text in [
            IMG.to_string(),
            EMOJI.to_string(),
            RTL.to_string(),
            long_word(200),
        ] {
            s.add_innspill(&it.id, &text, None).unwrap();
        }
        s.add_action(
            &it.id,
            &ActionInput {
                text: format!("{IMG} {EMOJI}"),
                responsible: long_word(120),
                due: Due::Date("2026-03-01".into()),
            },
        )
        .unwrap();
        if let Some(c) = &it.case_id {
            if it.position % 2 == 0 {
                s.accept_proposal(c).unwrap();
            } else {
                s.record_decision(c, &format!("{IMG}\n- {RTL}\n- {}", long_word(200)))
                    .unwrap();
            }
        }
    }
    s.add_innspill(
        &s.case(&long_case).unwrap().item_id.unwrap(),
        &ten_thousand_words(),
        None,
    )
    .unwrap();
    Hostile {
        meeting_id: m.id,
        img_case,
        long_case,
        db,
    }
}

#[test]
fn hostile_content_renders_without_panic_overflow_or_damage() {
    let h = hostile_record();
    let s = &h.db.store;
    let body = s.body_by_short("Fiendtlig").unwrap();
    let render = |name: &str, public: bool| -> std::path::PathBuf {
        let o = opts(public);
        let bytes = match name {
            "agenda" => s.agenda_pdf(&h.meeting_id, o),
            "minutes" => s.minutes_pdf(&h.meeting_id, o),
            "register" => s.register_pdf(&body.id, 2026, o),
            "memo-img" => s.memo_pdf(&h.img_case, o),
            "memo-long" => s.memo_pdf(&h.long_case, o),
            _ => unreachable!(),
        }
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        h.db.file(
            &format!("{name}{}.pdf", if public { "-public" } else { "" }),
            &bytes,
        )
    };

    let mut files = Vec::new();
    for name in ["agenda", "minutes", "register", "memo-img", "memo-long"] {
        let path = render(name, false);
        assert_sound(&path);
        assert_no_orphaned_labels(&path);
        files.push((name, path));
    }
    let text_of = |name: &str| norm(&text(&files.iter().find(|f| f.0 == name).unwrap().1));

    // Markup is printed as the text it is.
    for name in ["agenda", "minutes", "register", "memo-img"] {
        assert!(
            text_of(name).contains(IMG),
            "{name} prints {IMG:?} literally"
        );
    }
    // The 200-letter word is printed (broken where it must be), right-to-left text and emoji
    // do not stop the documents.
    let agenda = text_of("agenda");
    assert!(agenda.contains(&long_word(30)));
    assert!(agenda.contains("Digital"));
    // Every one of the 300 items is on the timetable, and the last line is where they end.
    let tt = s.timetable(&h.meeting_id).unwrap();
    assert_eq!(tt.rows.len(), 300);
    let last_case = tt
        .rows
        .iter()
        .rev()
        .find_map(|r| r.item.case_number.clone())
        .unwrap();
    assert!(agenda.contains(&last_case), "{last_case}");
    assert!(tt.overrun_min > 0);
    let end = &tt.rows.last().unwrap().end;
    assert!(agenda.contains(&format!("Slutt {end}")), "Slutt {end}");
    // 60 members: all listed (the observers under Observatører).
    for i in [0usize, 13, 31, 59] {
        assert!(agenda.contains(&format!(" {i}")), "member {i}");
    }
    // The 10,000-word background is all there.
    let memo = text_of("memo-long");
    assert!(memo.matches("legemiddelliste").count() >= 400);

    // Public versions with the markup case exempt.
    s.set_exempt(
        &h.img_case,
        true,
        "offl. § 13 første ledd, jf. forvaltningsloven § 13 første ledd nr. 1",
    )
    .unwrap();
    for name in ["agenda", "minutes", "register", "memo-img"] {
        let path = render(name, true);
        assert_sound(&path);
        assert_contains(&text(&path), "Unntatt offentlighet");
    }
    let path = render("memo-img", true);
    // Nothing of the exempt memo, whose texts are markup and PDF syntax.
    assert_nowhere(
        &path,
        &[
            "fiendtligmarkør".to_string(),
            "<script>alert('x')</script>".to_string(),
            "</td></tr></table>".to_string(),
        ],
        "public memo",
    );
}

// ================================================================ other shapes

#[test]
fn extraordinary_video_meetings_and_english_documents() {
    let d = Db::demo();
    let s = &d.store;
    let body = s.body_by_short(EH).unwrap();
    let m = s
        .create_meeting(
            &body.id,
            &MeetingInput {
                number: "5/2025".into(),
                extraordinary: true,
                date: "2025-12-18".into(),
                start: "14:00".into(),
                end: "15:00".into(),
                place: String::new(),
                remote: true,
                remote_link: "https://teams.example/m/123".into(),
            },
        )
        .unwrap();
    s.add_item(
        &m.id,
        &ItemInput {
            kind: ItemKind::Case,
            duration_min: 60,
            new_case: Some(CaseInput {
                title: "Høring om ny forskrift".into(),
                case_type: "Beslutning".into(),
                proposal: None,
                ..Default::default()
            }),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let path = d.file("extra.pdf", &s.agenda_pdf(&m.id, opts(false)).unwrap());
    let lay = layout(&path);
    assert_in_order(
        &body_text(&path),
        &["Ekstra møte i Nasjonalt e-helseråd", "Møte 5/2025"],
    );
    assert_contains(
        line_with(&lay, "Sted"),
        "Videomøte (https://teams.example/m/123)",
    );
    assert_contains(line_with(&lay, "Tid "), "Kl. 14.00 – 15.00");
    assert_in_order(
        &body_text(&path),
        &["40/25", "Høring om ny forskrift", "14:00", "Slutt", "15:00"],
    );
    assert_sound(&path);

    s.mark_held(&m.id).unwrap();
    let path = d.file("extra-min.pdf", &s.minutes_pdf(&m.id, opts(false)).unwrap());
    let body_txt = body_text(&path);
    assert_in_order(
        &body_txt,
        &[
            "Referat fra ekstra møte i Nasjonalt e-helseråd",
            "Møte 5/2025",
        ],
    );
    // A held meeting with a proposal but no decision says the decision is missing.
    assert_contains(&body_txt, "Vedtak ikke registrert");
    assert_sound(&path);

    // English documents use English words.
    let en = DocOptions {
        public: false,
        lang: Some(Lang::En),
    };
    let m4 = d.meeting("4/2025");
    let path = d.file("en.pdf", &s.agenda_pdf(&m4.id, en).unwrap());
    let body_txt = body_text(&path);
    assert_in_order(
        &body_txt,
        &[
            "Meeting of Nasjonalt e-helseråd",
            "Notice and agenda",
            "Case",
            "Agenda",
            "Time",
            "End",
            "Case 30/25",
            "Proposed decision:",
        ],
    );
    assert_lacks(&body_txt, "Forslag til vedtak");
    assert!(layout(&path).contains("Page 1 of"));
    assert_sound(&path);
}
