#include "textdecoding.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <cstring>

namespace TextDecoding {

namespace {

bool startsWith(const QByteArray &bytes, const char *magic, qsizetype n)
{
    return bytes.size() >= n && std::memcmp(bytes.constData(), magic, size_t(n)) == 0;
}

// UTF-16 without a byte order mark: mostly ASCII text leaves a zero in every other byte.
bool looksLikeBomlessUtf16(const QByteArray &bytes)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4)
        return false;
    qsizetype evenZeros = 0, oddZeros = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZeros += bytes[i] == '\0';
        oddZeros += bytes[i + 1] == '\0';
    }
    const qsizetype pairs = n / 2;
    return (evenZeros * 10 > pairs * 7 && oddZeros == 0) || (oddZeros * 10 > pairs * 7 && evenZeros == 0);
}

QString decodeWith(QStringDecoder &decoder, const QByteArray &bytes, QString *error)
{
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        *error = QStringLiteral("is not valid %1 text").arg(QString::fromLatin1(decoder.name()));
        return {};
    }
    return text;
}

} // namespace

QString nonTextKind(const QByteArray &bytes)
{
    struct Magic {
        const char *bytes;
        qsizetype size;
        const char *kind;
    };
    static const Magic magics[] = {
        {"%PDF-", 5, "a PDF document"},
        {"PK\x03\x04", 4, "a ZIP archive (a .docx, .epub or .zip file)"},
        {"\x89PNG", 4, "a PNG image"},
        {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"SQLite format 3", 15, "an SQLite database"},
        {"\x1F\x8B", 2, "gzip-compressed data"},
        {"\x7F"
         "ELF",
         4, "a program"},
        {"\xD0\xCF\x11\xE0", 4, "an old Microsoft Office document"},
        {"{\\rtf", 5, "an RTF document"},
    };
    for (const Magic &m : magics) {
        if (startsWith(bytes, m.bytes, m.size))
            return QString::fromLatin1(m.kind);
    }
    if (startsWith(bytes, "\xFF\xFE", 2) || startsWith(bytes, "\xFE\xFF", 2))
        return {}; // UTF-16 with a byte order mark: zeros are expected
    if (looksLikeBomlessUtf16(bytes))
        return {}; // decode() gives the precise message
    const qsizetype n = std::min<qsizetype>(bytes.size(), 65536);
    qsizetype controls = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = uchar(bytes[i]);
        if (c == 0)
            return QStringLiteral("binary data");
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++controls;
    }
    if (controls * 100 > n)
        return QStringLiteral("binary data");
    return {};
}

Decoded decode(const QByteArray &bytes, const QByteArray &declaredCharset)
{
    Decoded result;
    if (startsWith(bytes, "\xEF\xBB\xBF", 3)) {
        QStringDecoder d(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        result.encoding = QStringLiteral("UTF-8");
        result.text = decodeWith(d, bytes.mid(3), &result.error);
        return result;
    }
    if (startsWith(bytes, "\xFF\xFE", 2) || startsWith(bytes, "\xFE\xFF", 2)) {
        const bool le = bytes[0] == '\xFF';
        if ((bytes.size() - 2) % 2 != 0) {
            result.error = QStringLiteral("is cut off in the middle of a UTF-16 character");
            return result;
        }
        QStringDecoder d(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE, QStringConverter::Flag::Stateless);
        result.encoding = le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        result.text = decodeWith(d, bytes.mid(2), &result.error);
        return result;
    }
    if (looksLikeBomlessUtf16(bytes)) {
        result.error = QStringLiteral("looks like UTF-16 text without a byte order mark; save it as UTF-8 and import "
                                      "it again");
        return result;
    }

    QByteArray charset = declaredCharset.trimmed().toLower();
    // As browsers do (WHATWG Encoding): these labels mean windows-1252, and a page cannot
    // declare UTF-16 for bytes that have no byte order mark.
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" || charset == "ascii")
        charset = "windows-1252";
    if (charset.startsWith("utf-16") || charset == "utf8")
        charset = "utf-8";
    if (!charset.isEmpty() && charset != "utf-8") {
        QStringDecoder d(charset.constData(), QStringConverter::Flag::Stateless);
        if (!d.isValid()) {
            result.error = QStringLiteral("declares the character set \"%1\", which Parallax cannot decode")
                               .arg(QString::fromLatin1(charset));
            return result;
        }
        result.encoding = QString::fromLatin1(charset);
        result.text = decodeWith(d, bytes, &result.error);
        return result;
    }
    QStringDecoder d(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    result.encoding = QStringLiteral("UTF-8");
    result.text = decodeWith(d, bytes, &result.error);
    if (!result.ok()) {
        result.error = charset.isEmpty()
            ? QStringLiteral("is not valid UTF-8 and declares no other character set; save it as UTF-8 and import it "
                             "again")
            : QStringLiteral("declares UTF-8 but is not valid UTF-8");
    }
    return result;
}

QByteArray declaredHtmlCharset(const QByteArray &bytes)
{
    // The byte-level prescan browsers do before parsing, simplified: only <meta> tags matter.
    static const QRegularExpression meta(QStringLiteral(R"(<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+))"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QString head = QString::fromLatin1(bytes.left(1024));
    const QRegularExpressionMatch m = meta.match(head);
    return m.hasMatch() ? m.captured(1).toLatin1().toLower() : QByteArray();
}

QString normalizeLineEndings(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

} // namespace TextDecoding
