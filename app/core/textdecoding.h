#pragma once

#include <QByteArray>
#include <QString>

namespace TextDecoding {

struct Decoded {
    QString text;
    QString encoding; // the name of what was used, e.g. "UTF-8", "UTF-16LE", "windows-1252"
    QString error; // empty on success; a reason without the file name
    bool ok() const { return error.isEmpty(); }
};

// When the bytes are plainly not text, what they are ("a PDF document", "binary data", ...);
// empty when they may be text.
QString nonTextKind(const QByteArray &bytes);

// Decodes article bytes. A byte order mark (UTF-8, UTF-16LE/BE) wins; otherwise the declared
// charset (from an HTML page) is used when given; otherwise the bytes must be valid UTF-8.
// Undecodable bytes are an error, never silently replaced.
Decoded decode(const QByteArray &bytes, const QByteArray &declaredCharset = {});

// The charset an HTML page declares in its first 1024 bytes (<meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lower-cased; empty if none.
QByteArray declaredHtmlCharset(const QByteArray &bytes);

// "\r\n" and lone "\r" become "\n".
QString normalizeLineEndings(QString text);

} // namespace TextDecoding
