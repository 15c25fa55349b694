-- A workspace as Parallax wrote it at format 1 (articles only), for the migration test.
PRAGMA application_id = 1347570776;
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    headline TEXT NOT NULL,
    body TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    imported TEXT NOT NULL,
    original BLOB NOT NULL,
    original_format TEXT NOT NULL
);
INSERT INTO articles(headline, body, outlet, imported, original, original_format) VALUES
    ('Harbour bridge to close for repairs', 'The bridge closes on Monday.' || char(10) || 'Ferries run every ten minutes.',
     'Coast Courier', '2024-01-02T10:00:00.000Z', CAST('Harbour bridge to close for repairs' AS BLOB), 'text'),
    ('Ferry timetable doubled', 'Extra ferries start on Monday.', 'Bay Daily', '2024-01-02T10:05:00.000Z',
     CAST('Ferry timetable doubled' AS BLOB), 'text');
PRAGMA user_version = 1;
