//! Cases: title, type, summary, proposed decision, memo, owner and officer, attachments, the
//! exempt-from-public flag and links to earlier treatments of the same matter.

use crate::error::{Error, Result, Thing};
use crate::model::{Case, MemoSections};
use crate::numbers::CaseNumber;
use crate::store::{
    all, body_id_by_short, case, case_id_by_number, id_from_row, links_to, next_position,
    not_found, one, placement, Store,
};
use crate::validate;
use crate::vocab::Entity;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseInput {
    pub title: String,
    /// A case type name of the body ("Drøfting"); empty for none.
    pub case_type: String,
    pub summary: String,
    /// None: prefilled from the case type's template, naming the body.
    pub proposal: Option<String>,
    pub no_memo: bool,
    pub memo: MemoSections,
    pub owner: String,
    pub officer: String,
}

/// An earlier treatment outside the record (a row of "Vedtak fra tidligere behandlinger").
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReferenceInput {
    pub number: String,
    pub body: String,
    /// ISO date of the meeting.
    pub date: String,
    pub title: String,
    pub decision: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttachmentInput {
    /// "2", "7A".
    pub label: String,
    pub title: String,
    pub file_name: String,
    pub media_type: String,
}

struct Checked {
    title: String,
    type_id: Option<String>,
    summary: String,
    proposal: String,
    no_memo: bool,
    memo: MemoSections,
    owner: String,
    officer: String,
}

fn check(conn: &Connection, body_id: &str, input: &CaseInput) -> Result<Checked> {
    let title = validate::line("title", &input.title)?;
    let type_name = validate::optional_line("case_type", &input.case_type)?;
    let (type_id, template) = if type_name.is_empty() {
        (None, String::new())
    } else {
        let row: Option<(String, String)> = conn
            .query_row(
                "SELECT id, proposal_template FROM case_type WHERE body_id = ?1 AND name = ?2",
                params![body_id, type_name],
                |r| Ok((r.get("id")?, r.get("proposal_template")?)),
            )
            .optional()?;
        let (id, t) = row.ok_or_else(|| not_found(Thing::CaseType, &type_name))?;
        (Some(id), t)
    };
    let proposal = match &input.proposal {
        Some(p) => validate::text("proposal", p)?,
        None => {
            let name = crate::bodies::body(conn, body_id)?.name;
            crate::bodies::proposal_from_template(&template, &name)
        }
    };
    Ok(Checked {
        title,
        type_id,
        summary: validate::text("summary", &input.summary)?,
        proposal,
        no_memo: input.no_memo,
        memo: MemoSections {
            purpose: validate::text("purpose", &input.memo.purpose)?,
            background: validate::text("background", &input.memo.background)?,
            questions: validate::text("questions", &input.memo.questions)?,
            process: validate::text("process", &input.memo.process)?,
        },
        owner: validate::optional_line("owner", &input.owner)?,
        officer: validate::optional_line("officer", &input.officer)?,
    })
}

/// Inserts a new, unplaced case and returns its id.
pub(crate) fn insert_case(
    tx: &Connection,
    body_id: &str,
    year: i32,
    input: &CaseInput,
) -> Result<String> {
    let c = check(tx, body_id, input)?;
    let id = crate::new_id();
    tx.execute(
        "INSERT INTO \"case\" (id, body_id, year, title, case_type_id, summary, proposal, no_memo, memo_purpose,
         memo_background, memo_questions, memo_process, owner, officer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id, body_id, year, c.title, c.type_id, c.summary, c.proposal, c.no_memo, c.memo.purpose, c.memo.background,
            c.memo.questions, c.memo.process, c.owner, c.officer
        ],
    )?;
    Ok(id)
}

impl Store {
    /// A case not yet on an agenda (it gets its number when placed).
    pub fn create_case(&self, body_id: &str, year: i32, input: &CaseInput) -> Result<Case> {
        // The years a case number ("32/25") and the record's dates can name.
        validate::range("year", i64::from(year), 1900, 2999)?;
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            let id = insert_case(tx, body_id, year, input)?;
            case(tx, &id)
        })
    }

    pub fn case(&self, id: &str) -> Result<Case> {
        case(&self.conn, id)
    }

    /// A case by body short name and "32/25".
    pub fn case_by_number(&self, body_short: &str, number: &str) -> Result<Case> {
        let body_id = body_id_by_short(&self.conn, body_short)?;
        case(
            &self.conn,
            &case_id_by_number(&self.conn, &body_id, CaseNumber::parse(number)?)?,
        )
    }

    /// The body's cases not on any agenda.
    pub fn unplaced_cases(&self, body_id: &str) -> Result<Vec<Case>> {
        let ids: Vec<String> = all(
            &self.conn,
            "SELECT c.id FROM \"case\" c WHERE c.body_id = ?1 AND NOT EXISTS (SELECT 1 FROM agenda_item i WHERE i.case_id = c.id)
             ORDER BY c.title",
            [body_id],
            id_from_row,
        )?;
        ids.iter().map(|id| case(&self.conn, id)).collect()
    }

    pub fn update_case(&self, id: &str, input: &CaseInput) -> Result<Case> {
        self.write(|tx| {
            let old = case(tx, id)?;
            let c = check(tx, &old.body_id, input)?;
            self.on_case(tx, &old, || {
                tx.execute(
                    "UPDATE \"case\" SET title = ?2, case_type_id = ?3, summary = ?4, proposal = ?5, no_memo = ?6,
                     memo_purpose = ?7, memo_background = ?8, memo_questions = ?9, memo_process = ?10, owner = ?11, officer = ?12
                     WHERE id = ?1",
                    params![
                        id, c.title, c.type_id, c.summary, c.proposal, c.no_memo, c.memo.purpose, c.memo.background,
                        c.memo.questions, c.memo.process, c.owner, c.officer
                    ],
                )?;
                Ok(())
            })?;
            case(tx, id)
        })
    }

    /// Marks a case exempt from public disclosure with its legal basis ("offl. § 14"), or lifts it.
    pub fn set_exempt(&self, id: &str, exempt: bool, basis: &str) -> Result<Case> {
        let basis = validate::optional_line("basis", basis)?;
        if exempt && basis.is_empty() {
            return Err(Error::other(
                "basis",
                "Oppgi hjemmel for unntaket, for eksempel «offl. § 14».",
                "Give the legal basis for the exemption, for example \"offl. § 14\".",
            ));
        }
        self.write(|tx| {
            let old = case(tx, id)?;
            let basis = if exempt { basis.clone() } else { String::new() };
            self.on_case(tx, &old, || {
                tx.execute(
                    "UPDATE \"case\" SET exempt = ?2, exempt_basis = ?3 WHERE id = ?1",
                    params![id, exempt, basis],
                )?;
                Ok(())
            })?;
            case(tx, id)
        })
    }

    /// Stores a file as an attachment of the case, labelled per meeting ("Vedlegg 2").
    pub fn add_attachment(
        &self,
        case_id: &str,
        input: &AttachmentInput,
        content: Option<&[u8]>,
    ) -> Result<Case> {
        let label = validate::line("label", &input.label)?;
        let title = validate::line("title", &input.title)?;
        let file_name = validate::optional_line("file_name", &input.file_name)?;
        let media_type = validate::optional_line("media_type", &input.media_type)?;
        if content.is_some_and(|c| c.len() > 200 * 1024 * 1024) {
            return Err(Error::other(
                "file",
                "Filen er større enn 200 MB. Del den opp eller komprimer den.",
                "The file is larger than 200 MB. Split or compress it.",
            ));
        }
        self.write(|tx| {
            let c = case(tx, case_id)?;
            if c.attachments.iter().any(|a| a.label.eq_ignore_ascii_case(&label)) {
                return Err(Error::Duplicate { what: Thing::Attachment, key: format!("Vedlegg {label}") });
            }
            let id = crate::new_id();
            self.on_case(tx, &c, || {
                let pos = next_position(tx, "attachment", "case_id", case_id)?;
                tx.execute(
                    "INSERT INTO attachment (id, case_id, label, title, file_name, media_type, content, position)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![id, case_id, label, title, file_name, media_type, content, pos],
                )?;
                Ok(())
            })?;
            case(tx, case_id)
        })
    }

    pub fn remove_attachment(&self, attachment_id: &str) -> Result<Case> {
        self.remove_from_case("attachment", Thing::Attachment, attachment_id)
    }

    /// The stored file of an attachment: (file name, media type, bytes).
    pub fn attachment_content(
        &self,
        attachment_id: &str,
    ) -> Result<(String, String, Option<Vec<u8>>)> {
        one(
            &self.conn,
            "SELECT file_name, media_type, content FROM attachment WHERE id = ?1",
            [attachment_id],
            |r| Ok((r.get("file_name")?, r.get("media_type")?, r.get("content")?)),
            Thing::Attachment,
            attachment_id,
        )
    }

    /// Links a case to an earlier treatment of the same matter in the record (any body).
    pub fn link_case(&self, case_id: &str, target_case_id: &str) -> Result<Case> {
        self.write(|tx| {
            let c = case(tx, case_id)?;
            case(tx, target_case_id)?;
            if case_id == target_case_id {
                return Err(Error::other(
                    "target",
                    "En sak kan ikke vise til seg selv. Velg en tidligere behandling av saken.",
                    "A case cannot refer to itself. Choose an earlier treatment of the matter.",
                ));
            }
            if c.links
                .iter()
                .any(|l| l.target_case_id.as_deref() == Some(target_case_id))
            {
                return Err(Error::Duplicate {
                    what: Thing::Link,
                    key: target_case_id.to_string(),
                });
            }
            self.add_link_row(tx, &c, Some(target_case_id), &ReferenceInput::default())?;
            case(tx, case_id)
        })
    }

    /// Records an earlier treatment by a body outside the record.
    pub fn add_reference(&self, case_id: &str, input: &ReferenceInput) -> Result<Case> {
        let r = ReferenceInput {
            number: validate::line("number", &input.number)?,
            body: validate::optional_line("body", &input.body)?,
            date: match input.date.trim() {
                "" => String::new(),
                d => crate::numbers::parse_date("date", d)?.to_string(),
            },
            title: validate::optional_line("title", &input.title)?,
            decision: validate::text("decision", &input.decision)?,
        };
        self.write(|tx| {
            let c = case(tx, case_id)?;
            self.add_link_row(tx, &c, None, &r)?;
            case(tx, case_id)
        })
    }

    pub fn remove_link(&self, link_id: &str) -> Result<Case> {
        self.remove_from_case("case_link", Thing::Link, link_id)
    }

    /// Removes a row that belongs to a case (an attachment or a link) under the case's lock.
    fn remove_from_case(&self, table: &str, what: Thing, id: &str) -> Result<Case> {
        self.write(|tx| {
            let case_id: String = one(
                tx,
                &format!("SELECT case_id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get("case_id"),
                what,
                id,
            )?;
            let c = case(tx, &case_id)?;
            self.on_case(tx, &c, || {
                tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
                Ok(())
            })?;
            case(tx, &case_id)
        })
    }

    fn add_link_row(
        &self,
        tx: &Connection,
        c: &Case,
        target: Option<&str>,
        r: &ReferenceInput,
    ) -> Result<()> {
        self.on_case(tx, c, || {
            let pos = next_position(tx, "case_link", "case_id", &c.id)?;
            tx.execute(
                "INSERT INTO case_link (id, case_id, target_case_id, ref_number, ref_body, ref_date, ref_title, ref_decision, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![crate::new_id(), c.id, target, r.number, r.body, r.date, r.title, r.decision, pos],
            )?;
            Ok(())
        })
    }

    /// Runs a change to a case under the lock of the meeting it is placed on (if any), and keeps
    /// the search index in step.
    pub(crate) fn on_case(
        &self,
        tx: &Connection,
        c: &Case,
        change: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        match placement(tx, &c.id)? {
            Some((item_id, meeting_id)) => {
                self.guarded(tx, &meeting_id, Entity::Case, &c.id, change)?;
                crate::search::reindex_item(tx, &item_id)
            }
            None => change(),
        }
    }
}

impl Store {
    /// A case's history across bodies: the earlier treatments it links to, then the later cases
    /// (of any body) that link back to it, oldest first.
    pub fn case_history(&self, case_id: &str) -> Result<Vec<crate::model::CaseLink>> {
        let mut out = case(&self.conn, case_id)?.links;
        out.extend(links_to(&self.conn, case_id)?);
        Ok(out)
    }
}
