-- Quorum record, schema version 3: the record stays fast as it grows over decades.

-- Every parent key the record reads children by has an index, so that the minutes of one meeting
-- or the history of one case cost the same in a twenty-year record as in a new one.
CREATE INDEX innspill_item ON innspill(item_id, position);
CREATE INDEX action_point_item ON action_point(item_id, position);
CREATE INDEX attachment_case ON attachment(case_id, position);
CREATE INDEX case_link_case ON case_link(case_id, position);
CREATE INDEX case_link_target ON case_link(target_case_id);
CREATE INDEX agenda_item_continues ON agenda_item(continues_case_id);
CREATE INDEX meeting_body_date ON meeting(body_id, date, number);
CREATE INDEX meeting_approved_by ON meeting(approved_by_case_id);
CREATE INDEX membership_body ON membership(body_id, position);
CREATE INDEX membership_person ON membership(person_id);
CREATE INDEX attendance_person ON attendance(person_id);
CREATE INDEX audit_log_meeting ON audit_log(meeting_id, at);
CREATE INDEX seal_action_meeting ON seal_action(meeting_id);
CREATE INDEX case_type_id ON "case"(case_type_id);

-- The search index keeps its rows in an ordinary table keyed by rowid, with the full-text index
-- over it as external content: an item's rows are found by an index on item_id and removed by
-- rowid, so updating one item costs the rows of that item, not a scan of the whole index (v1's
-- UNINDEXED columns were scanned on every save). Triggers keep the two in step. The prefix
-- indexes keep short stems ("he*", "hel*") fast while the user types.
DROP TABLE search_index;
CREATE TABLE search_index_row (
    id         INTEGER PRIMARY KEY,
    item_id    TEXT NOT NULL,
    case_id    TEXT,
    meeting_id TEXT NOT NULL,
    field      TEXT NOT NULL,
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX search_index_row_item ON search_index_row(item_id);
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    content = 'search_index_row',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
CREATE TRIGGER search_index_row_added AFTER INSERT ON search_index_row BEGIN
    INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER search_index_row_removed AFTER DELETE ON search_index_row BEGIN
    INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER search_index_row_changed AFTER UPDATE ON search_index_row BEGIN
    INSERT INTO search_index (search_index, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO search_index (rowid, text) VALUES (new.id, new.text);
END;
