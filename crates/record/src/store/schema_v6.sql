-- Quorum record, schema version 6: consultations (høring). A body sends a matter out for written
-- responses: questions in order (with a fixed set of choices, sub-parts, or free text only),
-- responses from organisations grouped by category, and the secretariat's handling of each input
-- under the headings of the summary of the responses.

-- The categories respondents are grouped by ("Kommune", "Helseforetak", …), edited per body.
CREATE TABLE respondent_category (
    id       TEXT PRIMARY KEY,
    body_id  TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (body_id, name)
) STRICT;
CREATE INDEX respondent_category_body ON respondent_category(body_id, position);

CREATE TABLE consultation (
    id          TEXT PRIMARY KEY,
    body_id     TEXT NOT NULL REFERENCES body(id),
    title       TEXT NOT NULL,
    -- What was sent and why ("Kort om høringen").
    description TEXT NOT NULL DEFAULT '',
    sent_date   TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    -- The document sent, an attachment of one of its cases.
    document_id TEXT REFERENCES attachment(id) ON DELETE SET NULL,
    -- The summary's opening text, before its headings.
    summary     TEXT NOT NULL DEFAULT '',
    CHECK (deadline >= sent_date)
) STRICT;
CREATE INDEX consultation_body ON consultation(body_id, sent_date);
CREATE INDEX consultation_document ON consultation(document_id);

-- The cases a consultation informs.
CREATE TABLE consultation_case (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    case_id         TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    UNIQUE (consultation_id, case_id)
) STRICT;
CREATE INDEX consultation_case_case ON consultation_case(case_id);

CREATE TABLE consultation_question (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    text            TEXT NOT NULL
) STRICT;
CREATE INDEX consultation_question_consultation ON consultation_question(consultation_id, position);

-- A question's fixed choices ("Ja, utdyp gjerne"); none: free text only.
CREATE TABLE question_choice (
    id          TEXT PRIMARY KEY,
    question_id TEXT NOT NULL REFERENCES consultation_question(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    UNIQUE (question_id, label)
) STRICT;
CREATE INDEX question_choice_question ON question_choice(question_id, position);

-- A question answered part by part ("Mål 1: Aktiv medvirkning i egen og næres helse").
CREATE TABLE question_part (
    id          TEXT PRIMARY KEY,
    question_id TEXT NOT NULL REFERENCES consultation_question(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    UNIQUE (question_id, title)
) STRICT;
CREATE INDEX question_part_question ON question_part(question_id, position);

CREATE TABLE response (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    -- The organisation that answered (høringsinstans).
    respondent      TEXT NOT NULL,
    category_id     TEXT REFERENCES respondent_category(id),
    received        TEXT NOT NULL,
    -- 0: left out of public versions of the documents.
    publishable     INTEGER NOT NULL DEFAULT 1 CHECK (publishable IN (0, 1)),
    source          TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'spreadsheet', 'docx'))
) STRICT;
CREATE INDEX response_consultation ON response(consultation_id, position);
CREATE INDEX response_category ON response(category_id);

-- A response's answer to a question (or to one of its parts): the choice and the text.
CREATE TABLE response_answer (
    id          TEXT PRIMARY KEY,
    response_id TEXT NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL REFERENCES consultation_question(id) ON DELETE CASCADE,
    part_id     TEXT REFERENCES question_part(id) ON DELETE CASCADE,
    choice_id   TEXT REFERENCES question_choice(id),
    text        TEXT NOT NULL DEFAULT '',
    CHECK (choice_id IS NOT NULL OR text <> '')
) STRICT;
-- One answer per question and part (NULLs are distinct in a UNIQUE constraint, so the key is
-- the part or '').
CREATE UNIQUE INDEX response_answer_key ON response_answer(response_id, question_id, coalesce(part_id, ''));
CREATE INDEX response_answer_question ON response_answer(question_id, choice_id);
CREATE INDEX response_answer_part ON response_answer(part_id);
CREATE INDEX response_answer_choice ON response_answer(choice_id);

-- The headings of the summary (2.1, 2.2, 2.2.1 …): a heading may have sub-headings.
CREATE TABLE summary_heading (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    parent_id       TEXT REFERENCES summary_heading(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL,
    text            TEXT NOT NULL DEFAULT '',
    CHECK (parent_id IS NOT id)
) STRICT;
CREATE INDEX summary_heading_consultation ON summary_heading(consultation_id, parent_id, position);
CREATE INDEX summary_heading_parent ON summary_heading(parent_id);

-- How the secretariat handled an input: a whole answer (passage '') or a passage of it.
CREATE TABLE handling (
    id         TEXT PRIMARY KEY,
    answer_id  TEXT NOT NULL REFERENCES response_answer(id) ON DELETE CASCADE,
    heading_id TEXT REFERENCES summary_heading(id) ON DELETE SET NULL,
    passage    TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL CHECK (outcome IN ('taken', 'partly', 'not_taken', 'out_of_scope')),
    comment    TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL
) STRICT;
CREATE INDEX handling_answer ON handling(answer_id, position);
CREATE INDEX handling_heading ON handling(heading_id, position);

-- The responses' text in a search index of their own: the agenda's index rows belong to an
-- agenda item and a meeting, which a response has not. The same tokenizer and prefixes, kept in
-- step by the same kind of triggers; ranked by the same quorum_rank.
CREATE TABLE search_index_response_row (
    id              INTEGER PRIMARY KEY,
    response_id     TEXT NOT NULL,
    consultation_id TEXT NOT NULL,
    field           TEXT NOT NULL,
    text            TEXT NOT NULL
) STRICT;
CREATE INDEX search_index_response_row_response ON search_index_response_row(response_id);
CREATE VIRTUAL TABLE search_index_response USING fts5(
    text,
    content = 'search_index_response_row',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7'
);
CREATE TRIGGER search_index_response_row_added AFTER INSERT ON search_index_response_row BEGIN
    INSERT INTO search_index_response (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_index_response_row_removed AFTER DELETE ON search_index_response_row BEGIN
    INSERT INTO search_index_response (search_index_response, rowid, text) VALUES ('delete', old.id, old.text);
END;
