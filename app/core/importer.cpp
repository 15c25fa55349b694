#include "importer.h"

#include "htmlarticle.h"
#include "textdecoding.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentMap>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace Importer {

namespace {

enum class Format { Text, Markdown, Html };

Format formatFor(const QString &fileName, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml"))
        return Format::Html;
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown") || suffix == QLatin1String("mdown"))
        return Format::Markdown;
    if (suffix == QLatin1String("txt") || suffix == QLatin1String("text"))
        return Format::Text;
    // No telling extension: look at the start, skipping a BOM and whitespace.
    const QByteArray head = bytes.left(512).trimmed().toLower();
    const QByteArray start = head.startsWith("\xEF\xBB\xBF") ? head.mid(3).trimmed() : head;
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml"))
        return Format::Html;
    return Format::Text;
}

QString formatName(Format f)
{
    switch (f) {
    case Format::Text:
        return QStringLiteral("text");
    case Format::Markdown:
        return QStringLiteral("markdown");
    case Format::Html:
        return QStringLiteral("html");
    }
    return {};
}

// Removes ASCII blanks at both ends but keeps no-break spaces, which are part of the text.
QString trimAsciiBlanks(const QString &s)
{
    qsizetype b = 0, e = s.size();
    auto blank = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\f'); };
    while (b < e && blank(s.at(b)))
        ++b;
    while (e > b && blank(s.at(e - 1)))
        --e;
    return s.mid(b, e - b);
}

bool isBlank(const QString &s)
{
    for (QChar c : s) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// Line 1 headline, then the body: every non-blank line is one paragraph.
QString parseText(const QString &text, ArticleDraft *draft)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList paragraphs;
    for (const QString &line : lines) {
        if (isBlank(line))
            continue;
        const QString t = trimAsciiBlanks(line);
        if (draft->headline.isEmpty())
            draft->headline = t.trimmed();
        else
            paragraphs.append(t);
    }
    draft->body = paragraphs.join(QLatin1Char('\n'));
    return {};
}

// Optional YAML-style front matter (--- key: value ---) as static site generators write it.
QString takeFrontMatter(const QString &text, ArticleDraft *draft)
{
    if (!text.startsWith(QLatin1String("---\n")))
        return text;
    const qsizetype end = text.indexOf(QLatin1String("\n---"), 3);
    if (end < 0)
        return text;
    static const QRegularExpression keyValue(QStringLiteral(R"(^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$)"));
    const QStringList lines = text.mid(4, end - 4).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = keyValue.match(line);
        if (!m.hasMatch())
            continue;
        QString value = m.captured(2);
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
            && value.endsWith(value.at(0)))
            value = value.mid(1, value.size() - 2);
        const QString key = m.captured(1).toLower();
        if (key == QLatin1String("title"))
            draft->headline = value;
        else if (key == QLatin1String("author"))
            draft->author = value;
        else if (key == QLatin1String("date") || key == QLatin1String("published"))
            draft->published = value;
        else if (key == QLatin1String("outlet") || key == QLatin1String("source") || key == QLatin1String("site"))
            draft->outlet = value;
        else if (key == QLatin1String("url") || key == QLatin1String("link"))
            draft->url = value;
    }
    const qsizetype bodyStart = text.indexOf(QLatin1Char('\n'), end + 1);
    return bodyStart < 0 ? QString() : text.mid(bodyStart + 1);
}

QString parseMarkdown(const QString &text, ArticleDraft *draft)
{
    const QString markdown = takeFrontMatter(text, draft);
    QTextDocument doc;
    doc.setMarkdown(markdown, QTextDocument::MarkdownDialectGitHub);
    QStringList paragraphs;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        QString t = block.text();
        t.remove(QChar::ObjectReplacementCharacter); // images
        t.replace(QChar::LineSeparator, QLatin1Char(' '));
        t = trimAsciiBlanks(t);
        if (isBlank(t))
            continue;
        if (block.blockFormat().headingLevel() == 1 && draft->headline.isEmpty()) {
            draft->headline = t.trimmed();
            continue;
        }
        if (QTextList *list = block.textList()) {
            const auto style = list->format().style();
            const bool bullet = style == QTextListFormat::ListDisc || style == QTextListFormat::ListCircle
                || style == QTextListFormat::ListSquare;
            t = (bullet ? QStringLiteral("\u2022") : list->itemText(block)) + QLatin1Char(' ') + t;
        }
        paragraphs.append(t);
    }
    if (draft->headline.isEmpty() && !paragraphs.isEmpty())
        draft->headline = paragraphs.takeFirst().trimmed();
    draft->body = paragraphs.join(QLatin1Char('\n'));
    return {};
}

QString parseHtml(const QString &text, ArticleDraft *draft)
{
    const HtmlArticle html = extractHtmlArticle(text);
    draft->headline = html.headline;
    draft->outlet = html.outlet;
    draft->author = html.author;
    draft->published = html.published;
    draft->url = html.url;
    QStringList paragraphs = html.paragraphs;
    if (!paragraphs.isEmpty() && paragraphs.first().trimmed() == draft->headline.trimmed())
        paragraphs.removeFirst();
    if (draft->headline.isEmpty() && !paragraphs.isEmpty())
        draft->headline = paragraphs.takeFirst();
    draft->body = paragraphs.join(QLatin1Char('\n'));
    if (draft->body.isEmpty())
        return QStringLiteral("no article text was found in this page");
    return {};
}

} // namespace

QString fileDialogFilter()
{
    return QCoreApplication::translate("Importer", "Articles (%1);;All files (*)")
        .arg(QStringLiteral("*.txt *.text *.md *.markdown *.html *.htm *.xhtml"));
}

Result importBytes(const QByteArray &bytes, const QString &fileName)
{
    Result result;
    const QString name = QFileInfo(fileName).fileName();
    auto failure = [&](const QString &reason) {
        result.error = QStringLiteral("%1: %2").arg(name, reason);
        result.draft = ArticleDraft{};
        return result;
    };
    if (bytes.isEmpty())
        return failure(QStringLiteral("the file is empty"));
    if (bytes.size() > MaxFileBytes)
        return failure(QStringLiteral("the file is too large for an article (%1 MB; the limit is %2 MB)")
                           .arg(bytes.size() / (1024 * 1024))
                           .arg(MaxFileBytes / (1024 * 1024)));
    const QString kind = TextDecoding::nonTextKind(bytes);
    if (!kind.isEmpty())
        return failure(QStringLiteral("this is %1, not an article Parallax can import").arg(kind));

    const Format format = formatFor(fileName, bytes);
    const QByteArray declared = format == Format::Html ? TextDecoding::declaredHtmlCharset(bytes) : QByteArray();
    const TextDecoding::Decoded decoded = TextDecoding::decode(bytes, declared);
    if (!decoded.ok())
        return failure(decoded.error);
    const QString text = TextDecoding::normalizeLineEndings(decoded.text);
    if (isBlank(text))
        return failure(QStringLiteral("the file contains no text"));

    ArticleDraft &d = result.draft;
    d.sourceName = name;
    d.format = formatName(format);
    d.encoding = decoded.encoding;
    d.original = bytes;
    QString reason;
    switch (format) {
    case Format::Text:
        reason = parseText(text, &d);
        break;
    case Format::Markdown:
        reason = parseMarkdown(text, &d);
        break;
    case Format::Html:
        reason = parseHtml(text, &d);
        break;
    }
    if (!reason.isEmpty())
        return failure(reason);
    if (d.headline.isEmpty())
        return failure(QStringLiteral("no headline was found"));
    if (d.headline.size() > MaxHeadlineChars)
        return failure(QStringLiteral("no headline was found: the first line is %1 characters long (an article "
                                      "file starts with its headline on a line of its own)")
                           .arg(d.headline.size()));
    return result;
}

Result importFile(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    Result result;
    if (QFileInfo(path).isDir()) {
        result.error = QStringLiteral("%1: is a folder, not an article file").arg(name);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot be read (%2)").arg(name, file.errorString());
        return result;
    }
    if (file.size() > MaxFileBytes) {
        result.error = QStringLiteral("%1: the file is too large for an article (%2 MB; the limit is %3 MB)")
                           .arg(name)
                           .arg(file.size() / (1024 * 1024))
                           .arg(MaxFileBytes / (1024 * 1024));
        return result;
    }
    return importBytes(file.readAll(), path);
}

QFuture<Result> importFilesAsync(const QStringList &paths)
{
    return QtConcurrent::mapped(paths, [](const QString &path) { return importFile(path); });
}

} // namespace Importer
