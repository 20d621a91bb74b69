-- Quorum record, schema version 1. Every row has a stable text id (UUID) as its primary key so
-- that the record can later be synchronised between machines with SQLite changesets.

CREATE TABLE body (
    id            TEXT PRIMARY KEY,
    short_name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    secretariat   TEXT NOT NULL DEFAULT '',
    default_place TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT 'nb' CHECK (language IN ('nb', 'en'))
) STRICT;

-- Names over time: documents of a meeting use the name valid on the meeting date.
CREATE TABLE body_name (
    id         TEXT PRIMARY KEY,
    body_id    TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    UNIQUE (body_id, valid_from)
) STRICT;

CREATE TABLE case_type (
    id                TEXT PRIMARY KEY,
    body_id           TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    position          INTEGER NOT NULL,
    proposal_template TEXT NOT NULL DEFAULT '',
    UNIQUE (body_id, name)
) STRICT;

CREATE TABLE person (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE membership (
    id            TEXT PRIMARY KEY,
    body_id       TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    person_id     TEXT NOT NULL REFERENCES person(id),
    role          TEXT NOT NULL CHECK (role IN ('leder', 'nestleder', 'medlem', 'observator', 'sekretar')),
    term_from     TEXT,
    term_to       TEXT,
    substitute_id TEXT REFERENCES person(id),
    position      INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Where numbering of a body's cases starts in a year (bodies that begin their record mid-year).
CREATE TABLE number_series (
    id           TEXT PRIMARY KEY,
    body_id      TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    first_number INTEGER NOT NULL CHECK (first_number >= 1),
    UNIQUE (body_id, year)
) STRICT;

CREATE TABLE meeting (
    id                  TEXT PRIMARY KEY,
    body_id             TEXT NOT NULL REFERENCES body(id),
    year                INTEGER NOT NULL,
    number              INTEGER NOT NULL CHECK (number >= 1),
    extraordinary       INTEGER NOT NULL DEFAULT 0 CHECK (extraordinary IN (0, 1)),
    date                TEXT NOT NULL,
    start_time          TEXT NOT NULL,
    end_time            TEXT NOT NULL,
    place               TEXT NOT NULL DEFAULT '',
    remote              INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    remote_link         TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'agenda_sent', 'held', 'approved')),
    approved_by_case_id TEXT REFERENCES "case"(id),
    current_item_id     TEXT,
    UNIQUE (body_id, year, number)
) STRICT;

CREATE TABLE "case" (
    id            TEXT PRIMARY KEY,
    body_id       TEXT NOT NULL REFERENCES body(id),
    year          INTEGER NOT NULL,
    number        INTEGER,
    title         TEXT NOT NULL,
    case_type_id  TEXT REFERENCES case_type(id),
    summary       TEXT NOT NULL DEFAULT '',
    proposal      TEXT NOT NULL DEFAULT '',
    no_memo       INTEGER NOT NULL DEFAULT 0 CHECK (no_memo IN (0, 1)),
    memo_purpose  TEXT NOT NULL DEFAULT '',
    memo_background TEXT NOT NULL DEFAULT '',
    memo_questions  TEXT NOT NULL DEFAULT '',
    memo_process    TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',
    officer       TEXT NOT NULL DEFAULT '',
    exempt        INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    exempt_basis  TEXT NOT NULL DEFAULT '',
    decision      TEXT,
    UNIQUE (body_id, year, number)
) STRICT;

CREATE TABLE agenda_item (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('case', 'break', 'open', 'orientation', 'continuation')),
    case_id      TEXT UNIQUE REFERENCES "case"(id),
    continues_case_id TEXT REFERENCES "case"(id),
    title        TEXT NOT NULL DEFAULT '',
    case_type    TEXT NOT NULL DEFAULT '',
    guest        TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    no_memo      INTEGER NOT NULL DEFAULT 1 CHECK (no_memo IN (0, 1)),
    duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 0 AND 1440),
    narrative    TEXT NOT NULL DEFAULT '',
    actual_start TEXT,
    CHECK ((kind = 'case') = (case_id IS NOT NULL)),
    CHECK ((kind = 'continuation') = (continues_case_id IS NOT NULL))
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE attachment (
    id       TEXT PRIMARY KEY,
    case_id  TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    label    TEXT NOT NULL,
    title    TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT '',
    content  BLOB,
    position INTEGER NOT NULL
) STRICT;

-- An earlier treatment of the same matter: a case in the record, or a reference to one outside it.
CREATE TABLE case_link (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    target_case_id TEXT REFERENCES "case"(id),
    ref_number     TEXT NOT NULL DEFAULT '',
    ref_body       TEXT NOT NULL DEFAULT '',
    ref_date       TEXT NOT NULL DEFAULT '',
    ref_title      TEXT NOT NULL DEFAULT '',
    ref_decision   TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL,
    CHECK ((target_case_id IS NULL) <> (ref_number = ''))
) STRICT;

CREATE TABLE attendance (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id      TEXT NOT NULL REFERENCES person(id),
    status         TEXT NOT NULL CHECK (status IN ('present', 'absent', 'substitute', 'observer', 'secretariat', 'guest')),
    substitute_for TEXT REFERENCES person(id),
    remote         INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    UNIQUE (meeting_id, person_id),
    CHECK ((status = 'substitute') = (substitute_for IS NOT NULL))
) STRICT;

CREATE TABLE innspill (
    id       TEXT PRIMARY KEY,
    item_id  TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL
) STRICT;

CREATE TABLE action_point (
    id           TEXT PRIMARY KEY,
    item_id      TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    responsible  TEXT NOT NULL DEFAULT '',
    due_date     TEXT,
    due_next_meeting INTEGER NOT NULL DEFAULT 0 CHECK (due_next_meeting IN (0, 1)),
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    status_note  TEXT NOT NULL DEFAULT ''
) STRICT;

-- Corrections to a locked record: append-only.
CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Full-text search; one row per searchable field, rebuilt per case/item on each change.
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    field UNINDEXED,
    item_id UNINDEXED,
    case_id UNINDEXED,
    meeting_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
