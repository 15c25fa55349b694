#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

// What the article list and pane headers need, without the body or the original bytes:
// workspaces with a thousand articles list them without loading their text.
struct ArticleSummary {
    qint64 id = 0;
    QString headline;
    QString outlet;
    QString author;
    QString url;
    QString published; // ISO 8601 date or date-time as the source gave it; empty when unknown
    QDateTime imported; // UTC
    QString sourceName; // file name it was imported from
    QString format; // "text", "markdown" or "html"
    bool shown = true; // shown in a reading pane
};
Q_DECLARE_METATYPE(ArticleSummary)

// An article as an importer produced it, before it is stored.
struct ArticleDraft {
    QString headline;
    // Paragraphs separated by a single '\n'; no other line breaks. Highlight offsets index this text.
    QString body;
    QString outlet;
    QString author;
    QString url;
    QString published;
    QString sourceName;
    QString format;
    QString encoding; // how the original bytes were decoded, e.g. "UTF-8", "UTF-16LE", "windows-1252"
    QByteArray original;
};
