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

// Migrations()[i] brings a file from version i to i + 1.
inline const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {Version1, Version2};
    return steps;
}

inline int currentVersion()
{
    return int(migrations().size());
}

} // namespace Schema
