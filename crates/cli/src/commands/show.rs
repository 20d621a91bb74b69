//! The long views: a meeting (header, attendance, timetable) and a case (memo, record, links).

use super::{Ctx, R};
use crate::output::{indent, one_line, place_of, wrap};
use quorum_record::model::{Case, Meeting};
use quorum_record::numbers::{long_date, parse_date, text_time};
use quorum_record::vocab::{AttendanceStatus, PresenceKind};

/// A meeting's header, attendance and timetable.
pub fn meeting(cx: &Ctx, m: &Meeting) -> R<String> {
    let (store, lang) = (cx.store, cx.lang);
    let b = store.body(&m.body_id)?;
    let date = parse_date("date", &m.date)?;
    let name = store.body_name_on(&b.id, &m.date)?;
    let mut out = String::new();
    let kind = if m.extraordinary {
        lang.pick("Ekstra møte i", "Extraordinary meeting of")
    } else {
        lang.pick("Møte i", "Meeting of")
    };
    out += &format!(
        "{kind} {name}\n{} {}\n\n",
        lang.pick("Møte", "Meeting"),
        m.number
    );
    let start = quorum_record::numbers::parse_time("start", &m.start)?;
    let end = quorum_record::numbers::parse_time("end", &m.end)?;
    out += &format!(
        "{:<10}{}\n",
        lang.pick("Dato", "Date"),
        long_date(date, lang)
    );
    out += &format!(
        "{:<10}Kl. {} – {}\n",
        lang.pick("Tid", "Time"),
        text_time(start),
        text_time(end)
    );
    out += &format!("{:<10}{}\n", lang.pick("Sted", "Place"), place_of(m));
    out += &format!("{:<10}{}\n", "Status", m.status.label(lang));
    let attendance = store.attendance(&m.id)?;
    if !attendance.is_empty() {
        out += &format!("\n{}\n", lang.pick("Oppmøte", "Attendance"));
        for a in &attendance {
            // The meeting sheet's own words (the labels users type, "forfall", "vara", differ).
            let status = match a.status {
                AttendanceStatus::Present => lang.pick("til stede", "present"),
                AttendanceStatus::Absent => lang.pick("ikke til stede", "absent"),
                AttendanceStatus::Substitute => lang.pick("stedfortreder", "substitute"),
                AttendanceStatus::Observer => lang.pick("observatør", "observer"),
                AttendanceStatus::Secretariat => lang.pick("sekretariat", "secretariat"),
                AttendanceStatus::Guest => lang.pick("gjest", "guest"),
            };
            let mut line = format!(
                "  {:<30} {:<32} {}",
                a.person.name, a.person.organisation, status
            );
            if let Some(f) = &a.substitute_for {
                line += &format!(" {} {}", lang.pick("for", "for"), f.name);
            }
            if let Some(g) = &a.party {
                line += &format!(" ({})", g.short_name);
            }
            if a.remote {
                line += lang.pick(" (digitalt)", " (remote)");
            }
            out += &line;
            out += "\n";
        }
    }
    out += &during(cx, m)?;
    let tt = store.timetable(&m.id)?;
    out += &format!(
        "\n{:<7} {:<w$} {:<9} {}\n",
        lang.pick("Sak", "Case"),
        lang.pick("Agenda", "Agenda"),
        lang.pick("Tidspunkt", "Time"),
        lang.pick("Sakstype", "Type"),
        w = TITLE_WIDTH
    );
    for r in &tt.rows {
        let number = match (r.item.kind.as_str(), &r.item.case_number) {
            ("continuation", Some(n)) => format!("{n} forts."),
            (_, Some(n)) => n.clone(),
            _ => String::new(),
        };
        let title = if r.item.kind == quorum_record::vocab::ItemKind::Orientation
            && r.item.title.is_empty()
        {
            r.item.guest.clone()
        } else {
            r.item.title.clone()
        };
        let lines = wrap(&title, TITLE_WIDTH);
        let row = format!(
            "{:<7} {:<w$} {:<9} {}",
            number,
            lines[0],
            r.start,
            r.item.case_type,
            w = TITLE_WIDTH
        );
        out += row.trim_end();
        out += "\n";
        for more in &lines[1..] {
            out += &format!("{:<7} {more}\n", "");
        }
    }
    out += &format!(
        "{:<7} {:<w$} {}\n",
        "",
        lang.pick("Slutt", "End"),
        tt.end,
        w = TITLE_WIDTH
    );
    if let Some(w) = tt.warning(lang) {
        out += &format!("\n{}: {w}\n", lang.pick("Advarsel", "Warning"));
    }
    Ok(out)
}

const TITLE_WIDTH: usize = 64;

/// Attendance that changed during the meeting, and whether the body could decide its cases
/// (for a body with a quorum rule).
fn during(cx: &Ctx, m: &Meeting) -> R<String> {
    let (store, lang) = (cx.store, cx.lang);
    let mut out = String::new();
    for c in store.presence_changes(&m.id)? {
        let at = c.case_number.clone().unwrap_or_default();
        out += &match c.kind {
            PresenceKind::Arrived => format!(
                "  {} {} {at}\n",
                c.person.name,
                lang.pick("tiltrådte i sak", "arrived at case")
            ),
            PresenceKind::Left => format!(
                "  {} {} {at}\n",
                c.person.name,
                lang.pick("forlot møtet etter sak", "left after case")
            ),
        };
    }
    let quorum = store.quorum(&m.id)?;
    if quorum.iter().any(|q| q.rule_percent.is_some()) {
        let not: Vec<&str> = quorum
            .iter()
            .filter(|q| !q.quorate)
            .map(|q| q.case_number.as_str())
            .collect();
        out += &if not.is_empty() {
            format!(
                "  {}\n",
                lang.pick("Møtet var vedtaksført.", "The meeting was quorate.")
            )
        } else {
            format!(
                "  {} {}.\n",
                lang.pick(
                    "Møtet var ikke vedtaksført i sak",
                    "The meeting was not quorate in case"
                ),
                not.join(", ")
            )
        };
    }
    Ok(out)
}

/// A case with its memo, record and earlier treatments.
pub fn case(cx: &Ctx, c: &Case) -> R<String> {
    let (store, lang) = (cx.store, cx.lang);
    let mut out = format!(
        "{} {} {}\n",
        lang.pick("Sak", "Case"),
        c.number.clone().unwrap_or_default(),
        c.title
    );
    let row = |label: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!("{label:<16}{value}\n")
        }
    };
    if let Some(mid) = &c.meeting_id {
        let m = store.meeting(mid)?;
        out += &row(
            lang.pick("Møte", "Meeting"),
            &format!(
                "{} ({})",
                m.number,
                long_date(parse_date("date", &m.date)?, lang)
            ),
        );
    }
    out += &row(lang.pick("Sakstype", "Type"), &c.case_type);
    out += &row(lang.pick("Sakseier", "Owner"), &c.owner);
    out += &row(lang.pick("Saksbehandler", "Officer"), &c.officer);
    if c.exempt {
        out += &row(
            lang.pick("Unntatt", "Exempt"),
            &format!(
                "{} ({})",
                lang.pick("Unntatt offentlighet", "Exempt from public disclosure"),
                c.exempt_basis
            ),
        );
    }
    let section = |title: &str, text: &str| {
        if text.trim().is_empty() {
            String::new()
        } else {
            format!("\n{title}:\n{}\n", indent(text))
        }
    };
    out += &section(lang.pick("Sammendrag", "Summary"), &c.summary);
    for a in &c.attachments {
        out += &format!(
            "{} {}: {}\n",
            lang.pick("Vedlegg", "Attachment"),
            a.label,
            a.title
        );
    }
    if c.no_memo {
        out += lang.pick("Ingen toppnotat\n", "No memo\n");
    }
    out += &section(
        lang.pick("Forslag til vedtak", "Proposed decision"),
        &c.proposal,
    );
    out += &section(lang.pick("Hensikt med saken", "Purpose"), &c.memo.purpose);
    out += &section(lang.pick("Bakgrunn", "Background"), &c.memo.background);
    out += &section(
        lang.pick("Spørsmål til drøfting", "Questions for discussion"),
        &c.memo.questions,
    );
    out += &section(
        lang.pick("Videre saksprosess", "Further process"),
        &c.memo.process,
    );
    if let Some(item_id) = &c.item_id {
        let item = store.item(item_id)?;
        out += &section(lang.pick("Referat", "Minutes"), &item.narrative);
        let innspill = store.innspill(item_id)?;
        if !innspill.is_empty() {
            out += &format!("\n{}:\n", lang.pick("Innspill", "Input"));
            for i in innspill {
                out += &format!("  • {}\n", i.text);
            }
        }
        let actions = store.actions(item_id)?;
        if !actions.is_empty() {
            out += &format!("\n{}:\n", lang.pick("Aksjonspunkt", "Action points"));
            for a in actions {
                out += &format!("  • {} [{}]\n", a.text, a.status);
            }
        }
    }
    out += &council(cx, c)?;
    if let Some(d) = &c.decision {
        let label = if c.amended {
            lang.pick("Vedtak oppdatert", "Decision (amended)")
        } else {
            lang.pick("Vedtak", "Decision")
        };
        out += &section(label, d);
    }
    if !c.links.is_empty() {
        out += &format!(
            "\n{}:\n",
            lang.pick("Vedtak fra tidligere behandlinger", "Earlier decisions")
        );
        for l in &c.links {
            out += &format!(
                "  {} {} {} – {}: {}\n",
                l.number,
                l.body,
                l.date,
                l.title,
                one_line(&l.decision)
            );
        }
    }
    Ok(out)
}

/// A case's impartiality questions, substitutes, proposals put in the meeting and votes.
fn council(cx: &Ctx, c: &Case) -> R<String> {
    let (store, lang) = (cx.store, cx.lang);
    let mut out = String::new();
    let list = |title: &str, lines: Vec<String>| {
        if lines.is_empty() {
            String::new()
        } else {
            format!("\n{title}:\n{}\n", lines.join("\n"))
        }
    };
    let disqualifications = store.disqualifications(&c.id)?;
    out += &list(
        lang.pick("Habilitet", "Impartiality"),
        disqualifications
            .iter()
            .map(|d| format!("  {}", super::presence::disqualification_line(cx, d)))
            .collect(),
    );
    out += &list(
        lang.pick("Vara i saken", "Substitutes in the case"),
        store
            .case_substitutes(&c.id)?
            .iter()
            .map(|s| {
                format!(
                    "  {} {} {}",
                    s.person.name,
                    lang.pick("for", "for"),
                    s.substitute_for.name
                )
            })
            .collect(),
    );
    let proposals = store.proposals(&c.id)?;
    out += &list(
        lang.pick("Forslag fremmet i møtet", "Proposals put in the meeting"),
        proposals
            .iter()
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "{:>3}. {}: {}",
                    i + 1,
                    super::votes::proposer(cx, p),
                    one_line(&p.text)
                )
            })
            .collect(),
    );
    out += &list(
        lang.pick("Votering", "Votes"),
        store
            .votes(&c.id)?
            .iter()
            .enumerate()
            .map(|(i, v)| super::votes::vote_line(cx, i + 1, v, &proposals))
            .collect(),
    );
    Ok(out)
}
