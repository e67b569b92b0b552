-- The meeting file: one header line and the journal of actions, exactly as they stand in the record.
-- Nothing recorded is ever edited or deleted (docs/procedure.md, "Corrections"): the triggers hold that.

CREATE TABLE meeting_header (
    id     INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    line   TEXT    NOT NULL,
    sha256 TEXT    NOT NULL
);

CREATE TABLE journal (
    seq    INTEGER NOT NULL PRIMARY KEY CHECK (seq >= 1),
    line   TEXT    NOT NULL,
    sha256 TEXT    NOT NULL
);

-- [jooq ignore start]
CREATE TRIGGER meeting_header_no_update BEFORE UPDATE ON meeting_header
BEGIN
    SELECT RAISE(ABORT, 'the meeting header is never changed');
END;

CREATE TRIGGER meeting_header_no_delete BEFORE DELETE ON meeting_header
BEGIN
    SELECT RAISE(ABORT, 'the meeting header is never deleted');
END;

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;

CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;

-- a new entry must follow the last one: no gaps, no reordering
CREATE TRIGGER journal_in_order BEFORE INSERT ON journal
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal)
BEGIN
    SELECT RAISE(ABORT, 'journal entries must be appended in order');
END;
-- [jooq ignore stop]
