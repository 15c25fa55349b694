#pragma once

#include "article.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

namespace Importer {

// Larger files are refused with a message: an article is text, not an archive.
inline constexpr qint64 MaxFileBytes = 32 * 1024 * 1024;
// A longer first line is a body without a headline (a file saved with no line breaks).
inline constexpr qsizetype MaxHeadlineChars = 2000;

struct Result {
    ArticleDraft draft;
    QString error; // "<file name>: <reason>" when the file cannot be imported
    bool ok() const { return error.isEmpty(); }
};

// The file types import accepts, for file dialogs.
QString fileDialogFilter();

// Reads and converts one article file: plain text (line 1 headline, blank line, body),
// Markdown, or an HTML page saved from a browser. Format by extension, else by content.
Result importFile(const QString &path);
Result importBytes(const QByteArray &bytes, const QString &fileName);

// Reads and converts files on worker threads, one result per path in order; the future reports
// progress and can be cancelled. Storing the drafts is left to the caller's thread.
QFuture<Result> importFilesAsync(const QStringList &paths);

} // namespace Importer
