-- Quorum record, schema version 5: what the law asks the minutes of a municipal body to show.
-- Party groups (kommuneloven § 11-4), proposals put in the meeting and how they were voted on,
-- attendance that changes during the meeting, disqualification (forvaltningsloven §§ 6 and 8),
-- the body's quorum rule (kommuneloven § 11-9) and minutes made final by signatures.

-- The share of the body's members (percent, rounded up) who must be present for it to decide;
-- NULL where the body has no such rule (an advisory council deciding by consensus).
ALTER TABLE body ADD COLUMN quorum_percent INTEGER CHECK (quorum_percent BETWEEN 1 AND 100);
-- 1: minutes become final when the signers chosen in the meeting have signed them, not when a
-- later meeting approves them.
ALTER TABLE body ADD COLUMN signed_minutes INTEGER NOT NULL DEFAULT 0 CHECK (signed_minutes IN (0, 1));

-- A party or group members sit for ("Høyre", "H").
CREATE TABLE party (
    id         TEXT PRIMARY KEY,
    body_id    TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL,
    position   INTEGER NOT NULL,
    UNIQUE (body_id, short_name)
) STRICT;
CREATE INDEX party_body ON party(body_id, position);

-- The group of a membership: a new term (a new membership) can be for another group.
ALTER TABLE membership ADD COLUMN party_id TEXT REFERENCES party(id);

-- A person's positions outside the body (board seats, employment): the register that makes a
-- possible disqualification easy to raise.
CREATE TABLE outside_position (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    organisation TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    since        TEXT,
    until        TEXT,
    position     INTEGER NOT NULL
) STRICT;
CREATE INDEX outside_position_person ON outside_position(person_id, position);

-- A member who arrived at an item (present from it on) or left after it (absent from the next).
CREATE TABLE presence_change (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES person(id),
    item_id    TEXT NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('arrived', 'left')),
    UNIQUE (meeting_id, person_id, kind)
) STRICT;
CREATE INDEX presence_change_item ON presence_change(item_id);

-- A substitute who stands in for a member in one case only (as when the member is disqualified).
CREATE TABLE case_substitute (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    person_id      TEXT NOT NULL REFERENCES person(id),
    substitute_for TEXT NOT NULL REFERENCES person(id),
    UNIQUE (case_id, person_id),
    UNIQUE (case_id, substitute_for),
    CHECK (person_id <> substitute_for)
) STRICT;

-- A member's impartiality in a case: raised, then decided by the others. A disqualified member
-- steps down ("fratrådte") and takes no part in the case's vote or its quorum.
CREATE TABLE disqualification (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    person_id     TEXT NOT NULL REFERENCES person(id),
    -- "fvl. § 6 første ledd bokstav a".
    basis         TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL DEFAULT 'raised' CHECK (outcome IN ('raised', 'disqualified', 'qualified')),
    -- The others' vote on it; both NULL when it was unanimous.
    votes_for     INTEGER CHECK (votes_for >= 0),
    votes_against INTEGER CHECK (votes_against >= 0),
    position      INTEGER NOT NULL,
    UNIQUE (case_id, person_id),
    CHECK ((votes_for IS NULL) = (votes_against IS NULL))
) STRICT;

-- Proposals put in the meeting ("Forslag fra H v/ Kari Nordmann"); the case's own proposal
-- (innstilling) is "case".proposal.
CREATE TABLE proposal (
    id        TEXT PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    party_id  TEXT REFERENCES party(id),
    person_id TEXT REFERENCES person(id),
    CHECK (party_id IS NOT NULL OR person_id IS NOT NULL)
) STRICT;
CREATE INDEX proposal_case ON proposal(case_id, position);

-- A vote on a proposal (NULL: on the case's own proposal) and its result.
CREATE TABLE vote (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES "case"(id) ON DELETE CASCADE,
    proposal_id   TEXT REFERENCES proposal(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('unanimous', 'counts', 'groups', 'named')),
    votes_for     INTEGER NOT NULL CHECK (votes_for >= 0),
    votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
    votes_blank   INTEGER NOT NULL DEFAULT 0 CHECK (votes_blank >= 0),
    result        TEXT NOT NULL CHECK (result IN ('adopted', 'rejected'))
) STRICT;
CREATE INDEX vote_case ON vote(case_id, position);
CREATE INDEX vote_proposal ON vote(proposal_id);

-- How a group voted ("H og FrP stemte mot").
CREATE TABLE vote_group (
    id       TEXT PRIMARY KEY,
    vote_id  TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
    party_id TEXT NOT NULL REFERENCES party(id),
    side     TEXT NOT NULL CHECK (side IN ('for', 'against', 'blank')),
    UNIQUE (vote_id, party_id)
) STRICT;

-- A named vote: each member's Ja / Nei / Blankt.
CREATE TABLE vote_ballot (
    id        TEXT PRIMARY KEY,
    vote_id   TEXT NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES person(id),
    side      TEXT NOT NULL CHECK (side IN ('for', 'against', 'blank')),
    UNIQUE (vote_id, person_id)
) STRICT;

-- Set when the secretariat records a decision knowing the body was not quorate in the case:
-- the decision is then never recorded silently, and the minutes name the case.
ALTER TABLE "case" ADD COLUMN without_quorum INTEGER NOT NULL DEFAULT 0 CHECK (without_quorum IN (0, 1));

-- Who checks and signs a meeting's minutes (chosen in the meeting), in order.
CREATE TABLE minutes_signer (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES person(id),
    position   INTEGER NOT NULL,
    UNIQUE (meeting_id, person_id)
) STRICT;

-- The minutes sent for signing: the exact PDF and its SHA-256. While a round is open the record
-- is locked; a refusal closes it and returns the minutes to draft; the last signature approves.
CREATE TABLE signing_round (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    sent_at    TEXT NOT NULL,
    pdf        BLOB NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    closed_at  TEXT,
    outcome    TEXT CHECK (outcome IN ('signed', 'refused')),
    CHECK ((closed_at IS NULL) = (outcome IS NULL))
) STRICT;
CREATE INDEX signing_round_meeting ON signing_round(meeting_id, sent_at);
CREATE UNIQUE INDEX signing_round_open ON signing_round(meeting_id) WHERE closed_at IS NULL;

-- A signer's signature or refusal of a round's PDF (its SHA-256 copied, as what was signed).
CREATE TABLE signature (
    id        TEXT PRIMARY KEY,
    round_id  TEXT NOT NULL REFERENCES signing_round(id),
    person_id TEXT NOT NULL REFERENCES person(id),
    at        TEXT NOT NULL,
    verdict   TEXT NOT NULL CHECK (verdict IN ('signed', 'refused')),
    comment   TEXT NOT NULL DEFAULT '',
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
    UNIQUE (round_id, person_id),
    CHECK (verdict = 'signed' OR length(trim(comment)) > 0)
) STRICT;

CREATE TRIGGER signature_no_update BEFORE UPDATE ON signature
BEGIN SELECT RAISE(ABORT, 'signature is append-only'); END;
CREATE TRIGGER signature_no_delete BEFORE DELETE ON signature
BEGIN SELECT RAISE(ABORT, 'signature is append-only'); END;
-- A round is closed once; its PDF and hash never change.
CREATE TRIGGER signing_round_once BEFORE UPDATE ON signing_round
WHEN OLD.closed_at IS NOT NULL OR NEW.pdf IS NOT OLD.pdf OR NEW.sha256 IS NOT OLD.sha256
  OR NEW.sent_at IS NOT OLD.sent_at OR NEW.meeting_id IS NOT OLD.meeting_id
BEGIN SELECT RAISE(ABORT, 'signing_round is closed once and otherwise append-only'); END;
CREATE TRIGGER signing_round_no_delete BEFORE DELETE ON signing_round
BEGIN SELECT RAISE(ABORT, 'signing_round is append-only'); END;

-- Sealed with approved minutes: each named person's group on the meeting date, and the groups'
-- names, so that a renamed group or a new membership cannot change an approved document.
ALTER TABLE seal_person ADD COLUMN party_id TEXT REFERENCES party(id);
-- The body's quorum rule when the minutes were approved (the quorum statement rests on it).
ALTER TABLE meeting_seal ADD COLUMN quorum_percent INTEGER;
CREATE TABLE seal_party (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting_seal(meeting_id),
    party_id   TEXT NOT NULL REFERENCES party(id),
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL,
    UNIQUE (meeting_id, party_id)
) STRICT;
CREATE TRIGGER seal_party_no_update BEFORE UPDATE ON seal_party
BEGIN SELECT RAISE(ABORT, 'seal_party is append-only'); END;
CREATE TRIGGER seal_party_no_delete BEFORE DELETE ON seal_party
BEGIN SELECT RAISE(ABORT, 'seal_party is append-only'); END;
