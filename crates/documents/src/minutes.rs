//! "Referat fra møte i …": header with who was there (members with their group, "Kari Nordmann
//! (H)"), who came or left during the meeting and the quorum statement; the case list; each
//! case's impartiality questions, narrative, innspill, the recommendation and the proposals put
//! in the meeting, the votes, action points and decision; and the status line (draft, out for
//! signing, or approved — by a later meeting, with any corrections listed, or by signatures,
//! ending with the signature block). Sections appear only where the record has something for
//! them, so minutes without groups, votes or signing print as they always have.

use super::agenda::shown_title;
use super::labels::Labels;
use super::richtext;
use super::wording::{self, Groups};
use super::{DocOptions, MeetingContext};
use crate::Result;
use quorum_record::groups::Party;
use quorum_record::model::{AgendaItem, Attendance, Case, Person};
use quorum_record::presence::{CaseQuorum, PresenceChange};
use quorum_record::signing::SigningState;
use quorum_record::vocab::{ActionStatus, AttendanceStatus, ItemKind, MeetingStatus};
use quorum_record::Store;
use quorum_typeset::{Block, Column, ColumnWidth, Document, Field, Row, Span, Table};

/// Which copy of the minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Copy {
    /// As the record stands: draft, out for signing, or approved.
    Record,
    /// The copy the signers get: "Status: Til signering".
    Signing,
}

/// What the meeting's record holds beyond the items: groups, changes of attendance, the quorum
/// per case and the signing.
struct Extra {
    groups: Groups,
    parties: Vec<Party>,
    presence: Vec<PresenceChange>,
    quorum: Vec<CaseQuorum>,
    signing: SigningState,
}

impl Extra {
    fn load(store: &Store, cx: &MeetingContext, attendance: &[Attendance]) -> Result<Extra> {
        let meeting_id = &cx.meeting.id;
        let quorum = store.quorum(meeting_id)?;
        // The groups as the record gives them for the meeting (sealed with approved minutes):
        // each attendance's, and for one who stood in for a single case, that of the seat.
        let mut groups = Groups::default();
        for a in attendance {
            if let Some(g) = &a.party {
                groups.insert(&a.person.id, g.clone());
            }
        }
        for q in &quorum {
            for v in &q.voters {
                if let Some(g) = &v.party {
                    groups.insert(&v.person.id, g.clone());
                }
            }
        }
        // Who came at an item before who left after it.
        let agenda = store.agenda(meeting_id)?;
        let mut presence = store.presence_changes(meeting_id)?;
        presence.sort_by_key(|c| {
            (
                agenda.iter().position(|i| i.id == c.item_id),
                c.kind == quorum_record::vocab::PresenceKind::Left,
            )
        });
        Ok(Extra {
            groups,
            parties: store.parties(&cx.body.id)?,
            presence,
            quorum,
            signing: store.signing(meeting_id)?,
        })
    }

    /// "Kari Nordmann (H)"; with the organisation where the person sits for no group.
    fn named(&self, p: &Person) -> String {
        match self.groups.short(&p.id) {
            Some(g) => format!("{} ({g})", p.name),
            None if p.organisation.is_empty() => p.name.clone(),
            None => format!("{} ({})", p.name, p.organisation),
        }
    }
}

pub(crate) fn build(
    store: &Store,
    meeting_id: &str,
    opts: DocOptions,
    copy: Copy,
) -> Result<Document> {
    let cx = MeetingContext::load(store, meeting_id, opts)?;
    let l = Labels::new(cx.lang);
    let attendance = store.attendance(meeting_id)?;
    let extra = Extra::load(store, &cx, &attendance)?;
    let agenda = store.agenda(meeting_id)?;
    let items: Vec<AgendaItem> = agenda
        .iter()
        .filter(|i| matches!(i.kind.as_str(), "case" | "open" | "orientation"))
        .cloned()
        .collect();
    let mut cases = std::collections::HashMap::new();
    for i in &items {
        if let Some(id) = &i.case_id {
            cases.insert(id.clone(), store.case(id)?);
        }
    }
    let mut blocks = vec![
        Block::Title(format!("{} {}", minutes_title(&cx, &l), cx.body_name)),
        Block::Subtitle(format!("{} {}", l.meeting(), cx.meeting.number)),
        Block::Fields(header_fields(store, &cx, &l, &attendance, &extra, &agenda)?),
    ];
    // The quorum statement is the record's to make once the meeting is held.
    let held = !matches!(
        cx.meeting.status,
        MeetingStatus::Draft | MeetingStatus::AgendaSent
    );
    if let Some(statement) = wording::quorum_statement(cx.lang, &extra.quorum).filter(|_| held) {
        blocks.push(Block::Spacer(4.0));
        blocks.push(Block::Paragraph(vec![Span::regular(statement)]));
    }
    blocks.push(Block::Spacer(6.0));
    let list_rows = items
        .iter()
        .map(|i| {
            let case = i.case_id.as_ref().and_then(|id| cases.get(id));
            let hidden = cx.public && case.is_some_and(|c| c.exempt);
            Row::text([
                i.case_number.clone().unwrap_or_default(),
                shown_title(cx.public, &l, &i.title, case),
                if hidden {
                    String::new()
                } else {
                    i.case_type.clone()
                },
            ])
        })
        .collect();
    // The case list is read as a whole: it moves to the next page rather than leave a row or
    // two behind (a list longer than a page still breaks where it must).
    blocks.push(Block::KeepTogether(vec![Block::Table(Table {
        columns: vec![
            Column::auto(l.case()).with_width(ColumnWidth::Fixed(22.0)),
            Column::auto(l.case_title()),
            Column::auto(l.case_type()).with_width(ColumnWidth::Fixed(28.0)),
        ],
        rows: list_rows,
    })]));
    for i in &items {
        let case = i.case_id.as_ref().and_then(|id| cases.get(id));
        // What was recorded when the case was resumed ("32/25 forts.") belongs to the case.
        let resumed: Vec<&AgendaItem> = agenda
            .iter()
            .filter(|k| k.kind == ItemKind::Continuation && k.continues_case_id == i.case_id)
            .filter(|_| i.case_id.is_some())
            .collect();
        blocks.extend(item_record(store, &cx, &l, &extra, i, &resumed, case)?);
    }
    blocks.push(Block::Rule);
    blocks.extend(status(store, &cx, &l, &extra, copy)?);
    Ok(cx.document(
        format!(
            "{} {} {}",
            minutes_title(&cx, &l),
            cx.body_name,
            cx.meeting.number
        ),
        blocks,
    ))
}

/// "Referat fra møte i" or, for an extraordinary meeting, "Referat fra ekstra møte i".
fn minutes_title(cx: &MeetingContext, l: &Labels) -> &'static str {
    if cx.meeting.extraordinary {
        l.minutes_title_extra()
    } else {
        l.minutes_title()
    }
}

/// Dato, Tid, Sted; present members (two columns), Ikke til stede, Stedfortreder lines (with
/// those who stood in for one case), who came or left during the meeting, and the others
/// present grouped as the seed does (secretariat by organisation, observers, guests).
fn header_fields(
    store: &Store,
    cx: &MeetingContext,
    l: &Labels,
    attendance: &[Attendance],
    extra: &Extra,
    agenda: &[AgendaItem],
) -> Result<Vec<Field>> {
    let with_org = |a: &Attendance| extra.named(&a.person);
    let mut fields = cx.when_where(l);
    let remote = |a: &Attendance, s: String| {
        if a.remote {
            format!("{s} – {}", l.remote())
        } else {
            s
        }
    };
    let of = |status: AttendanceStatus| attendance.iter().filter(move |a| a.status == status);
    let present: Vec<String> = of(AttendanceStatus::Present)
        .map(|a| remote(a, with_org(a)))
        .collect();
    if !present.is_empty() {
        fields.push(Field::two_columns(l.members(), present));
    }
    let absent: Vec<String> = of(AttendanceStatus::Absent).map(with_org).collect();
    if !absent.is_empty() {
        fields.push(Field::two_columns(l.absent(), absent));
    }
    // Substitutes in the order of the members they stand in for, as the seed lists them.
    let rank = |a: &Attendance| {
        a.substitute_for
            .as_ref()
            .and_then(|p| attendance.iter().position(|b| b.person.id == p.id))
            .unwrap_or(usize::MAX)
    };
    let mut subs: Vec<&Attendance> = of(AttendanceStatus::Substitute).collect();
    subs.sort_by_key(|a| rank(a));
    let mut subs: Vec<String> = subs
        .into_iter()
        .map(|a| {
            let for_name = a
                .substitute_for
                .as_ref()
                .map(|p| p.name.as_str())
                .unwrap_or("");
            let line = match extra.groups.short(&a.person.id) {
                // A member of a group is named by it, as the rest of the list is.
                Some(_) => l.stands_in_for_named(&extra.named(&a.person), for_name),
                None => l.stands_in_for(&a.person.name, &a.person.organisation, for_name),
            };
            remote(a, line)
        })
        .collect();
    // Those who stood in for a member in one case only, in agenda order.
    for i in agenda.iter().filter(|i| i.kind == ItemKind::Case) {
        let Some(case_id) = &i.case_id else { continue };
        if cx.public && store.case(case_id)?.exempt {
            continue;
        }
        for s in store.case_substitutes(case_id)? {
            subs.push(l.stands_in_for_case(
                &extra.named(&s.person),
                &s.substitute_for.name,
                i.case_number.as_deref().unwrap_or_default(),
            ));
        }
    }
    if !subs.is_empty() {
        fields.push(Field::new(l.substitute(), subs));
    }
    let changes: Vec<String> = extra
        .presence
        .iter()
        .map(|c| {
            let title = agenda
                .iter()
                .find(|i| i.id == c.item_id)
                .map(|i| i.title.as_str())
                .unwrap_or_default();
            let at = wording::at_item(cx.lang, c.case_number.as_deref(), title);
            wording::presence_line(cx.lang, &extra.named(&c.person), c.kind, &at)
        })
        .collect();
    if !changes.is_empty() {
        fields.push(Field::new(l.attendance_changes(), changes));
    }
    let observers: Vec<String> = of(AttendanceStatus::Observer)
        .map(|a| remote(a, with_org(a)))
        .collect();
    if !observers.is_empty() {
        fields.push(Field::new(l.observers(), observers));
    }
    // The secretariat is listed under its organisation's name ("Helsedirektoratet").
    let mut orgs: Vec<String> = Vec::new();
    for a in of(AttendanceStatus::Secretariat) {
        let org = if a.person.organisation.is_empty() {
            cx.body.secretariat.clone()
        } else {
            a.person.organisation.clone()
        };
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    for org in orgs {
        let names: Vec<String> = of(AttendanceStatus::Secretariat)
            .filter(|a| {
                a.person.organisation == org
                    || (a.person.organisation.is_empty() && org == cx.body.secretariat)
            })
            .map(|a| remote(a, a.person.name.clone()))
            .collect();
        fields.push(Field::two_columns(
            if org.is_empty() {
                l.secretariat()
            } else {
                &org
            },
            names,
        ));
    }
    let guests: Vec<String> = of(AttendanceStatus::Guest)
        .map(|a| remote(a, with_org(a)))
        .collect();
    if !guests.is_empty() {
        fields.push(Field::two_columns(l.guests(), guests));
    }
    Ok(fields)
}

/// One item: narrative, Innspill, Aksjonspunkt, Vedtak; with what was recorded under the
/// items that resumed it (`resumed`), after its own. Where the case was voted on, the møtebok's
/// order: impartiality, narrative, Innspill, Innstilling and the proposals put, Votering, Vedtak,
/// Aksjonspunkt; who came at the item first and who left after it last.
fn item_record(
    store: &Store,
    cx: &MeetingContext,
    l: &Labels,
    extra: &Extra,
    item: &AgendaItem,
    resumed: &[&AgendaItem],
    case: Option<&Case>,
) -> Result<Vec<Block>> {
    let number = item.case_number.clone().unwrap_or_default();
    let title = shown_title(cx.public, l, &item.title, case);
    let heading = if number.is_empty() {
        title.clone()
    } else {
        format!("{number} {title}")
    };
    let mut out = vec![Block::Heading {
        text: heading.clone(),
        level: 2,
        bookmark: Some(heading),
    }];
    if cx.public && case.is_some_and(|c| c.exempt) {
        return Ok(out);
    }
    let parts: Vec<&AgendaItem> = std::iter::once(item)
        .chain(resumed.iter().copied())
        .collect();
    let at_part = |kind: quorum_record::vocab::PresenceKind| -> Vec<Block> {
        extra
            .presence
            .iter()
            .filter(|c| c.kind == kind && parts.iter().any(|p| p.id == c.item_id))
            .map(|c| {
                Block::Paragraph(vec![Span::italic(wording::presence_at_case(
                    cx.lang,
                    &extra.named(&c.person),
                    c.kind,
                ))])
            })
            .collect()
    };
    // Who came at the item and the questions of impartiality open the case, together (the
    // heading stays with them).
    let mut opening = at_part(quorum_record::vocab::PresenceKind::Arrived);
    if let Some(c) = case {
        opening.extend(impartiality(store, cx, l, extra, c)?);
    }
    if !opening.is_empty() {
        out.push(Block::KeepTogether(opening));
    }
    let mut innspill = Vec::new();
    let mut actions = Vec::new();
    for p in &parts {
        out.extend(richtext::blocks(&p.narrative));
        innspill.extend(store.innspill(&p.id)?);
        actions.extend(store.actions_as_approved(&p.id)?);
    }
    let (proposals, votes) = match case {
        Some(c) => (store.proposals(&c.id)?, store.votes(&c.id)?),
        None => (Vec::new(), Vec::new()),
    };
    // The møtebok's order once there is a vote or a proposal to show.
    let voted = !proposals.is_empty() || !votes.is_empty();
    if !innspill.is_empty() {
        out.extend(labelled_bullets(
            l.innspill(),
            innspill
                .into_iter()
                .map(|i| vec![Span::regular(i.text)])
                .collect(),
        ));
    }
    let action_blocks = if actions.is_empty() {
        Vec::new()
    } else {
        labelled_bullets(
            l.action(),
            actions
                .into_iter()
                .map(|a| {
                    let mut spans = vec![Span::regular(a.text)];
                    if a.status != ActionStatus::Open {
                        spans.push(Span::italic(format!(" ({})", l.action_status(a.status))));
                    }
                    spans
                })
                .collect(),
        )
    };
    if voted {
        if let Some(c) = case {
            out.extend(proposals_and_votes(cx, l, extra, c, &proposals, &votes));
        }
    } else {
        out.extend(action_blocks.iter().cloned());
    }
    if let Some(c) = case {
        let decision = match &c.decision {
            Some(d) => {
                // Where the meeting voted, the decision is what won, not an edit of the
                // proposal: a møtebok says "Vedtak".
                let label = if c.amended && !voted {
                    l.decision_amended()
                } else {
                    l.decision()
                };
                std::iter::once(Block::Paragraph(vec![Span::bold(format!("{label}:"))]))
                    .chain(richtext::blocks(d))
                    .collect()
            }
            None if matches!(
                cx.meeting.status,
                MeetingStatus::Draft | MeetingStatus::AgendaSent
            ) =>
            {
                Vec::new()
            }
            // Nothing was proposed ("Eventuelt"): nothing was to be decided.
            None if c.proposal.trim().is_empty() => Vec::new(),
            None => vec![Block::Paragraph(vec![Span::italic(l.no_decision())])],
        };
        if !decision.is_empty() {
            out.push(Block::KeepTogether(decision));
        }
    }
    if voted {
        out.extend(action_blocks);
    }
    out.extend(at_part(quorum_record::vocab::PresenceKind::Left));
    Ok(out)
}

/// A case's questions of impartiality and who stood in for whom in it.
fn impartiality(
    store: &Store,
    cx: &MeetingContext,
    l: &Labels,
    extra: &Extra,
    case: &Case,
) -> Result<Vec<Block>> {
    let questions = store.disqualifications(&case.id)?;
    let subs = store.case_substitutes(&case.id)?;
    if questions.is_empty() && subs.is_empty() {
        return Ok(Vec::new());
    }
    let mut inner = vec![Block::Paragraph(vec![Span::bold(format!(
        "{}:",
        l.impartiality()
    ))])];
    for d in &questions {
        for text in wording::impartiality(cx.lang, &cx.body_name, d, &extra.groups) {
            inner.push(Block::Paragraph(vec![Span::regular(text)]));
        }
    }
    for s in &subs {
        inner.push(Block::Paragraph(vec![Span::regular(
            wording::case_substitute(cx.lang, &extra.named(&s.person), &s.substitute_for.name),
        )]));
    }
    Ok(inner)
}

/// "Innstilling:", each "Forslag fra H v/ Kari Nordmann:" and "Votering:" with one paragraph per
/// vote (and a named vote's Ja / Nei / Blankt lists).
fn proposals_and_votes(
    cx: &MeetingContext,
    l: &Labels,
    extra: &Extra,
    case: &Case,
    proposals: &[quorum_record::votes::Proposal],
    votes: &[quorum_record::votes::Vote],
) -> Vec<Block> {
    let mut out = Vec::new();
    if !case.proposal.trim().is_empty() {
        out.push(Block::KeepTogether(
            std::iter::once(Block::Paragraph(vec![Span::bold(format!(
                "{}:",
                l.recommendation()
            ))]))
            .chain(richtext::blocks(&case.proposal))
            .collect(),
        ));
    }
    for p in proposals {
        out.push(Block::KeepTogether(
            std::iter::once(Block::Paragraph(vec![Span::bold(format!(
                "{}:",
                wording::proposal_heading(cx.lang, p, proposals, &extra.groups)
            ))]))
            .chain(richtext::blocks(&p.text))
            .collect(),
        ));
    }
    if !votes.is_empty() {
        let mut inner = vec![Block::Paragraph(vec![Span::bold(format!(
            "{}:",
            l.voting()
        ))])];
        for v in votes {
            inner.push(Block::Paragraph(vec![Span::regular(
                wording::vote_sentence(cx.lang, v, proposals, &extra.parties),
            )]));
            let lists = wording::ballot_lists(cx.lang, v, &extra.groups);
            if !lists.is_empty() {
                inner.push(Block::Fields(
                    lists
                        .into_iter()
                        .map(|(label, names)| Field::single(label, names))
                        .collect(),
                ));
            }
        }
        out.push(Block::KeepTogether(inner));
    }
    out
}

/// "Status: Utkast …", "Status: Til signering …", "Status: Godkjent i møte 4/2025, sak 31/25."
/// with corrections, or "Status: Godkjent ved signatur …" with corrections and the signature
/// block.
fn status(
    store: &Store,
    cx: &MeetingContext,
    l: &Labels,
    extra: &Extra,
    copy: Copy,
) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    let signers: Vec<String> = extra
        .signing
        .signers
        .iter()
        .map(|p| p.name.clone())
        .collect();
    let signed = extra.signing.signed_round().filter(|_| cx.meeting.locked());
    // The copy sent for signing, and the minutes while they are out for signing, read alike.
    if copy == Copy::Signing || (extra.signing.open_round().is_some() && signed.is_none()) {
        out.push(Block::Paragraph(vec![Span::italic(
            l.status_signing(&wording::join(cx.lang, &signers)),
        )]));
        return Ok(out);
    }
    match &cx.heading.approval {
        Some(approval) if cx.meeting.locked() => {
            let line = match signed {
                Some(round) => l.status_signed(&wording::norwegian_date(
                    round.closed_at.as_deref().unwrap_or_default(),
                )),
                None => l.status_approved(&approval.meeting_number, &approval.case_number),
            };
            out.push(Block::Paragraph(vec![Span::bold(line)]));
            let corrections = store.corrections(&cx.meeting.id)?;
            if !corrections.is_empty() {
                out.push(Block::Paragraph(vec![Span::bold(format!(
                    "{}:",
                    l.corrections()
                ))]));
                // One line per correction: a correction that changed several rows is listed once.
                let mut lines: Vec<String> = Vec::new();
                for c in corrections {
                    let when = c.at.get(..10).unwrap_or(&c.at).to_string();
                    let when = quorum_record::numbers::parse_date("date", &when)
                        .map(quorum_record::numbers::short_date)
                        .unwrap_or(when);
                    let line = format!("{when}: {}", c.reason);
                    if lines.last() != Some(&line) {
                        lines.push(line);
                    }
                }
                out.push(Block::Bullets(
                    lines.into_iter().map(|t| vec![Span::regular(t)]).collect(),
                ));
            }
        }
        _ => out.push(Block::Paragraph(vec![Span::italic(l.status_draft())])),
    }
    if let Some(round) = signed {
        out.push(Block::Spacer(6.0));
        let mut inner = vec![Block::Paragraph(vec![Span::bold(l.signed_heading())])];
        for s in &round.signatures {
            inner.push(Block::Paragraph(vec![Span::regular(format!(
                "{} – {} {}",
                s.person.name,
                l.signed_at(),
                wording::norwegian_time(cx.lang, &s.at)
            ))]));
        }
        inner.push(Block::Paragraph(vec![
            Span::regular(format!("{} ", l.signed_hash())),
            Span::regular(round.sha256.clone()),
        ]));
        inner.push(Block::Paragraph(vec![Span::italic(l.times_note())]));
        out.push(Block::KeepTogether(inner));
    }
    Ok(out)
}

/// "Innspill:" and its bullets, kept together where they fit.
fn labelled_bullets(label: &str, items: Vec<Vec<Span>>) -> Vec<Block> {
    vec![
        Block::Paragraph(vec![Span::bold(format!("{label}:"))]),
        Block::Bullets(items),
    ]
}
