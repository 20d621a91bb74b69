//! The consultations' rules across rows, as `consultations`, `responses` and `handling` keep
//! them: a response's category is of the consultation's body and its answers are to the
//! consultation's own questions, parts and choices; a linked case is of the same body; a
//! heading and a handled input are of one consultation, and a marked passage is in its answer.

use super::file::Row;
use super::index::Index;
use super::problem::{ImportProblem, ImportRule};
use crate::error::Problem;

type Check = Result<(), Box<ImportProblem>>;

fn refuse(row: &Row, table: &str, column: &str, nb: &str, en: &str) -> Box<ImportProblem> {
    let field = match column {
        "category_id" => "category",
        "case_id" => "case",
        "passage" => "passage",
        "heading_id" | "parent_id" => "heading",
        "choice_id" => "choice",
        "part_id" => "part",
        _ => "question",
    };
    row.problem(
        table,
        Some(column),
        ImportRule::Value {
            field,
            problem: Problem::Other {
                nb: nb.into(),
                en: en.into(),
            },
        },
    )
}

/// `row.column` names a row of `table` whose `key` equals `expected` (references themselves
/// are checked before, by `rules`).
fn same(
    ix: &Index,
    row: &Row,
    column: &str,
    table: &str,
    key: &str,
    expected: Option<&str>,
) -> bool {
    match row.text(column) {
        None => true,
        Some(id) => ix.get(table, id).and_then(|t| t.text(key)) == expected,
    }
}

pub(super) fn check(ix: &Index) -> Check {
    let body_of = |consultation: Option<&str>| {
        consultation
            .and_then(|c| ix.get("consultation", c))
            .and_then(|c| c.text("body_id"))
    };
    for r in ix.rows("consultation_case") {
        let body = body_of(r.text("consultation_id"));
        if !same(ix, r, "case_id", "case", "body_id", body) {
            return Err(refuse(
                r,
                "consultation_case",
                "case_id",
                "Saken hører til et annet organ enn høringen.",
                "The case belongs to another body than the consultation.",
            ));
        }
    }
    for r in ix.rows("response") {
        let body = body_of(r.text("consultation_id"));
        if !same(ix, r, "category_id", "respondent_category", "body_id", body) {
            return Err(refuse(
                r,
                "response",
                "category_id",
                "Kategorien hører til et annet organ enn høringen.",
                "The category belongs to another body than the consultation.",
            ));
        }
    }
    for a in ix.rows("response_answer") {
        let consultation = a
            .text("response_id")
            .and_then(|x| ix.get("response", x))
            .and_then(|x| x.text("consultation_id"));
        if !same(
            ix,
            a,
            "question_id",
            "consultation_question",
            "consultation_id",
            consultation,
        ) {
            return Err(refuse(
                a,
                "response_answer",
                "question_id",
                "Spørsmålet hører til en annen høring enn svaret.",
                "The question belongs to another consultation than the response.",
            ));
        }
        let question = a.text("question_id");
        for (column, table) in [
            ("part_id", "question_part"),
            ("choice_id", "question_choice"),
        ] {
            if !same(ix, a, column, table, "question_id", question) {
                return Err(refuse(
                    a,
                    "response_answer",
                    column,
                    "Svaret viser til et annet spørsmål enn sitt eget.",
                    "The answer refers to another question than its own.",
                ));
            }
        }
    }
    for h in ix.rows("summary_heading") {
        if !same(
            ix,
            h,
            "parent_id",
            "summary_heading",
            "consultation_id",
            h.text("consultation_id"),
        ) {
            return Err(refuse(
                h,
                "summary_heading",
                "parent_id",
                "Overskriften står under en overskrift i en annen høring.",
                "The heading is under a heading of another consultation.",
            ));
        }
    }
    for m in ix.rows("handling") {
        let answer = m
            .text("answer_id")
            .and_then(|a| ix.get("response_answer", a));
        let consultation = answer
            .and_then(|a| a.text("response_id"))
            .and_then(|x| ix.get("response", x))
            .and_then(|x| x.text("consultation_id"));
        if !same(
            ix,
            m,
            "heading_id",
            "summary_heading",
            "consultation_id",
            consultation,
        ) {
            return Err(refuse(
                m,
                "handling",
                "heading_id",
                "Overskriften hører til en annen høring enn innspillet.",
                "The heading belongs to another consultation than the input.",
            ));
        }
        let passage = m.text("passage").unwrap_or_default();
        let text = answer.and_then(|a| a.text("text")).unwrap_or_default();
        if !passage.is_empty() && !text.contains(passage) {
            return Err(refuse(
                m,
                "handling",
                "passage",
                "Utdraget står ikke i svaret det er hentet fra.",
                "The passage is not in the answer it is taken from.",
            ));
        }
    }
    Ok(())
}
