-- Prefix indexes for stems of up to seven letters. A prefix without its own index is answered by
-- merging the doclists of every word that starts with it: on a twenty-year record "helse*"
-- (helse, helsedata, helsetjenesten, …) took 16 ms of FTS work alone, with an index 2 ms. The
-- rows (search_index_row) are untouched; the index over them is built anew from them.
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    content = 'search_index_row',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4 5 6 7'
);
INSERT INTO search_index (search_index) VALUES ('rebuild');
-- Segments are merged by `Store::tidy` when the record is idle, not by the save that happens to
-- fill a level (store/tidy.rs).
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
