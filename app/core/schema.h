#pragma once

#include <QStringList>

// The workspace schema as a chain of migrations. Step N brings a file from user_version N-1 to N;
// each step runs in one transaction together with its user_version update.
namespace Schema {

// "PRLX": marks an SQLite file as a Parallax workspace (PRAGMA application_id).
inline constexpr int ApplicationId = 0x50524C58;

inline const QStringList Version1 = {
    QStringLiteral(R"(CREATE TABLE articles (
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
    ))"),
};

inline const QStringList Version2 = {
    // Where an article came from and how its bytes were decoded; a digest to notice re-imports.
    QStringLiteral("ALTER TABLE articles ADD COLUMN source_name TEXT NOT NULL DEFAULT ''"),
    QStringLiteral("ALTER TABLE articles ADD COLUMN original_encoding TEXT NOT NULL DEFAULT ''"),
    QStringLiteral("ALTER TABLE articles ADD COLUMN original_sha256 BLOB"),
    QStringLiteral("ALTER TABLE articles ADD COLUMN shown INTEGER NOT NULL DEFAULT 1"),
    QStringLiteral("CREATE INDEX articles_by_sha256 ON articles(original_sha256)"),
    QStringLiteral(R"(CREATE TABLE workspace_properties (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID)"),
};

// Annotation: highlights anchored in article text, claims, the appearances that link them,
// tags (claim statuses are built-in tags), and evidence links. Their ids are never reused
// (AUTOINCREMENT here; for highlights, since Version6, a high-water mark): exports, undo steps
// and other workspaces may still refer to a deleted one.
inline const QStringList Version3 = {
    QStringLiteral(R"(CREATE TABLE tags (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        colour TEXT NOT NULL,
        is_status INTEGER NOT NULL DEFAULT 0
    ))"),
    QStringLiteral("INSERT INTO tags(id, name, colour, is_status) VALUES "
                   "(1, 'unsupported', '#d9534f', 1), (2, 'supported', '#3a9d5d', 1), "
                   "(3, 'disputed', '#e08a1e', 1), (4, 'needs check', '#7a6fd0', 1)"),
    QStringLiteral(R"(CREATE TABLE claims (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        status_tag INTEGER REFERENCES tags(id) ON DELETE SET NULL,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    ))"),
    // Offsets are UTF-16 code units into articles.body; quote, prefix and suffix re-find the
    // passage if they stop matching (W3C TextQuote + TextPosition).
    QStringLiteral(R"(CREATE TABLE highlights (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        orphaned INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    ))"),
    QStringLiteral("CREATE INDEX highlights_by_article ON highlights(article_id, start)"),
    QStringLiteral(R"(CREATE TABLE appearances (
        highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        wording TEXT NOT NULL DEFAULT 'stated'
            CHECK (wording IN ('verbatim', 'paraphrase', 'attributed', 'hedged', 'stated')),
        PRIMARY KEY (highlight_id, claim_id)
    ) WITHOUT ROWID)"),
    QStringLiteral("CREATE INDEX appearances_by_claim ON appearances(claim_id)"),
    QStringLiteral(R"(CREATE TABLE claim_tags (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, tag_id)
    ) WITHOUT ROWID)"),
    QStringLiteral(R"(CREATE TABLE evidence (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL
    ))"),
    QStringLiteral("CREATE INDEX evidence_by_claim ON evidence(claim_id)"),
};

// Suggestions the reader rejected, so that detection does not offer them again. A suggestion is
// known by a digest of its kind and its passages' normalised text (Detect::Suggestion::key), which
// survives re-detection and re-import; kind and label are kept for listing rejections.
inline const QStringList Version4 = {
    QStringLiteral(R"(CREATE TABLE rejected_suggestions (
        key BLOB PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        rejected TEXT NOT NULL
    ) WITHOUT ROWID)"),
};

// The passages of each rejected suggestion, by Detect::passageKey, so that a rejection outlives
// the group's key: when a new article joins a group the reader rejected, the group's key changes,
// but its passages the reader saw and rejected stay rejected.
inline const QStringList Version5 = {
    QStringLiteral(R"(CREATE TABLE rejected_passages (
        suggestion_key BLOB NOT NULL REFERENCES rejected_suggestions(key) ON DELETE CASCADE,
        passage_key BLOB NOT NULL,
        PRIMARY KEY (suggestion_key, passage_key)
    ) WITHOUT ROWID)"),
};

// Highlights without AUTOINCREMENT, which wrote its counter (sqlite_sequence) with every new
// highlight: a third page in each commit, a highlight's whole cost being its commit. Ids stay
// never reused all the same: a new highlight takes one more than both the highest id in use and
// the highest id removed while it was the highest (id_high_water, written only by such a
// removal, through the trigger). AUTOINCREMENT's counter carries over as the first high-water
// mark. The table is rebuilt (SQLite cannot drop AUTOINCREMENT in place), with its rows, ids
// and index; appearances keep pointing at the same ids. The runner turns foreign keys off for
// the rebuild, so that dropping the old table does not cascade, and checks them before it
// commits.
inline const QStringList Version6 = {
    QStringLiteral(R"(CREATE TABLE id_high_water (
        table_name TEXT PRIMARY KEY,
        id INTEGER NOT NULL
    ) WITHOUT ROWID)"),
    QStringLiteral("INSERT INTO id_high_water(table_name, id) VALUES ('highlights', "
                   "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'highlights'), 0))"),
    QStringLiteral(R"(CREATE TABLE highlights_v6 (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        orphaned INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    ))"),
    QStringLiteral("INSERT INTO highlights_v6(id, article_id, start, end, quote, prefix, suffix, note, orphaned, "
                   "created, modified) SELECT id, article_id, start, end, quote, prefix, suffix, note, orphaned, "
                   "created, modified FROM highlights"),
    QStringLiteral("DROP TABLE highlights"),
    QStringLiteral("ALTER TABLE highlights_v6 RENAME TO highlights"),
    QStringLiteral("CREATE INDEX highlights_by_article ON highlights(article_id, start)"),
    QStringLiteral(R"(CREATE TRIGGER highlights_high_water AFTER DELETE ON highlights
        WHEN old.id > coalesce((SELECT max(id) FROM highlights), 0)
        BEGIN
            UPDATE id_high_water SET id = old.id WHERE table_name = 'highlights' AND id < old.id;
        END)"),
};

// Migrations()[i] brings a file from version i to i + 1.
inline const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {Version1, Version2, Version3, Version4, Version5, Version6};
    return steps;
}

inline int currentVersion()
{
    return int(migrations().size());
}

} // namespace Schema
