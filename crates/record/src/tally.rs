//! The tally of a consultation: the respondents per category, and per question with choices the
//! count and share of each choice, overall and per category. Public versions count only the
//! responses that may be published.

use crate::consultations::{categories, consultation};
use crate::error::Result;
use crate::store::{all, Store};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Tally {
    pub consultation_id: String,
    /// The responses counted.
    pub responses: u32,
    /// Per category in the body's order (categories without responses included), then the
    /// responses without a category as a last row with `category` None, if any.
    pub per_category: Vec<CategoryCount>,
    /// The questions that have choices, in order.
    pub questions: Vec<QuestionTally>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CategoryCount {
    pub category: Option<String>,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuestionTally {
    pub question_id: String,
    pub number: u32,
    pub text: String,
    /// Every choice, in the question's order; shares are of `answered`.
    pub choices: Vec<ChoiceCount>,
    /// The responses that chose one of the choices.
    pub answered: u32,
    /// The same per category (only categories with an answer), in the body's order.
    pub by_category: Vec<CategoryChoices>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChoiceCount {
    pub label: String,
    pub count: u32,
    /// count / answered, 0.0 to 1.0 (0.0 where nothing was answered).
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CategoryChoices {
    pub category: Option<String>,
    pub answered: u32,
    pub choices: Vec<ChoiceCount>,
}

fn shares(labels: &[(String, u32)]) -> (u32, Vec<ChoiceCount>) {
    let answered: u32 = labels.iter().map(|(_, n)| n).sum();
    let choices = labels
        .iter()
        .map(|(label, count)| ChoiceCount {
            label: label.clone(),
            count: *count,
            share: if answered == 0 {
                0.0
            } else {
                f64::from(*count) / f64::from(answered)
            },
        })
        .collect();
    (answered, choices)
}

impl Store {
    /// The tally of a consultation; `public`: of the publishable responses only.
    pub fn tally(&self, consultation_id: &str, public: bool) -> Result<Tally> {
        let c = consultation(&self.conn, consultation_id)?;
        let cats = categories(&self.conn, &c.body_id)?;
        let per: Vec<(Option<String>, u32)> = all(
            &self.conn,
            "SELECT category_id, count(*) AS n FROM response
             WHERE consultation_id = ?1 AND (?2 = 0 OR publishable = 1) GROUP BY category_id",
            rusqlite::params![consultation_id, public],
            |r| Ok((r.get("category_id")?, r.get("n")?)),
        )?;
        let count_of = |id: Option<&str>| {
            per.iter()
                .find(|(k, _)| k.as_deref() == id)
                .map_or(0, |(_, n)| *n)
        };
        let mut per_category: Vec<CategoryCount> = cats
            .iter()
            .map(|k| CategoryCount {
                category: Some(k.name.clone()),
                count: count_of(Some(&k.id)),
            })
            .collect();
        if count_of(None) > 0 {
            per_category.push(CategoryCount {
                category: None,
                count: count_of(None),
            });
        }
        let responses = per.iter().map(|(_, n)| n).sum();
        // (question, choice, category, count) for every choice answered.
        let counts: Vec<(String, String, Option<String>, u32)> = all(
            &self.conn,
            "SELECT a.question_id, a.choice_id, x.category_id, count(*) AS n
             FROM response x JOIN response_answer a ON a.response_id = x.id
             WHERE x.consultation_id = ?1 AND (?2 = 0 OR x.publishable = 1) AND a.choice_id IS NOT NULL
             GROUP BY a.question_id, a.choice_id, x.category_id",
            rusqlite::params![consultation_id, public],
            |r| Ok((r.get("question_id")?, r.get("choice_id")?, r.get("category_id")?, r.get("n")?)),
        )?;
        let mut questions = Vec::new();
        for q in c.questions.iter().filter(|q| !q.choices.is_empty()) {
            let count = |choice: &str, cat: Option<Option<&str>>| -> u32 {
                counts
                    .iter()
                    .filter(|(qq, ch, k, _)| {
                        qq == &q.id && ch == choice && cat.is_none_or(|c| k.as_deref() == c)
                    })
                    .map(|(_, _, _, n)| n)
                    .sum()
            };
            let of = |cat: Option<Option<&str>>| -> Vec<(String, u32)> {
                q.choices
                    .iter()
                    .map(|ch| (ch.label.clone(), count(&ch.id, cat)))
                    .collect()
            };
            let (answered, choices) = shares(&of(None));
            let mut by_category = Vec::new();
            let groups = cats
                .iter()
                .map(|k| (Some(k.id.as_str()), Some(k.name.clone())))
                .chain(std::iter::once((None, None)));
            for (id, name) in groups {
                let (answered, choices) = shares(&of(Some(id)));
                if answered > 0 {
                    by_category.push(CategoryChoices {
                        category: name,
                        answered,
                        choices,
                    });
                }
            }
            questions.push(QuestionTally {
                question_id: q.id.clone(),
                number: q.number,
                text: q.text.clone(),
                choices,
                answered,
                by_category,
            });
        }
        Ok(Tally {
            consultation_id: consultation_id.to_string(),
            responses,
            per_category,
            questions,
        })
    }
}
