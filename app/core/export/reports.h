#pragma once

#include "export/snapshot.h"

// Plain-text exports of a workspace: a Markdown report to read, a CSV of appearances to count.
namespace Export {

// The story as a Markdown document: the articles, each claim with its status, tags, note,
// evidence and the passages that report it, and the coverage matrix.
QByteArray markdown(const Snapshot &snapshot);
Result writeMarkdown(const Snapshot &snapshot, const QString &path, const Progress &progress = {});

// One row per highlight and claim it is linked to (one row with an empty claim for a highlight
// that is linked to none), RFC 4180 quoting, CRLF line ends, UTF-8. Offsets are code points into
// the article body, [start, end).
QByteArray csv(const Snapshot &snapshot);
Result writeCsv(const Snapshot &snapshot, const QString &path, const Progress &progress = {});

} // namespace Export
