-- The room's timer and speakers' queue. They decide nothing, so they are not part of the record; they are
-- kept beside it so that a meeting reopened after the app was closed, crashed or lost power shows the
-- timer and the queue where they stood. One row, replaced whenever they change.

CREATE TABLE room (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    state    TEXT    NOT NULL,
    saved_at TEXT    NOT NULL
);
