-- Quorum record, schema version 2: approved minutes are sealed.
-- What an approved meeting's documents show of things kept outside the meeting (the body's name
-- and language, people's names and organisations, who were members and in which order) is copied
-- here when the minutes are approved, so that a later rename, a person's new name, a language
-- switch or a removed membership cannot change an approved document. Rows are only ever added:
-- at approval, and when a correction adds someone to the attendance.

CREATE TABLE meeting_seal (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL UNIQUE REFERENCES meeting(id),
    sealed_at  TEXT NOT NULL,
    body_name  TEXT NOT NULL,
    language   TEXT NOT NULL CHECK (language IN ('nb', 'en')),
    -- "Godkjent i sak 31/25 (møte 4/2025)": the approving case's number and its meeting's.
    approved_in_case    TEXT NOT NULL,
    approved_in_meeting TEXT NOT NULL
) STRICT;

-- One row per person an approved meeting's documents name: attendees (in the attendance list's
-- order), the people they stood in for, and the members on the meeting date (the agenda's list).
CREATE TABLE seal_person (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT NOT NULL REFERENCES meeting_seal(meeting_id),
    person_id       TEXT NOT NULL REFERENCES person(id),
    name            TEXT NOT NULL,
    organisation    TEXT NOT NULL,
    attendance_rank INTEGER,
    member_role     TEXT CHECK (member_role IN ('leder', 'nestleder', 'medlem', 'observator', 'sekretar')),
    member_rank     INTEGER,
    UNIQUE (meeting_id, person_id),
    CHECK ((member_role IS NULL) = (member_rank IS NULL))
) STRICT;

-- The status each action point of the meeting had at approval ("(utført)" in the minutes): the
-- follow-up in later meetings changes the live status, not what the approved minutes say.
CREATE TABLE seal_action (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting_seal(meeting_id),
    action_id  TEXT NOT NULL UNIQUE REFERENCES action_point(id),
    status     TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled'))
) STRICT;

CREATE TRIGGER meeting_seal_no_update BEFORE UPDATE ON meeting_seal
BEGIN SELECT RAISE(ABORT, 'meeting_seal is append-only'); END;
CREATE TRIGGER meeting_seal_no_delete BEFORE DELETE ON meeting_seal
BEGIN SELECT RAISE(ABORT, 'meeting_seal is append-only'); END;
CREATE TRIGGER seal_person_no_update BEFORE UPDATE ON seal_person
BEGIN SELECT RAISE(ABORT, 'seal_person is append-only'); END;
CREATE TRIGGER seal_person_no_delete BEFORE DELETE ON seal_person
BEGIN SELECT RAISE(ABORT, 'seal_person is append-only'); END;
CREATE TRIGGER seal_action_no_update BEFORE UPDATE ON seal_action
BEGIN SELECT RAISE(ABORT, 'seal_action is append-only'); END;
CREATE TRIGGER seal_action_no_delete BEFORE DELETE ON seal_action
BEGIN SELECT RAISE(ABORT, 'seal_action is append-only'); END;
