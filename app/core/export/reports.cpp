#include "export/reports.h"

#include <QCoreApplication>
#include <QStringList>

namespace Export {

namespace {

QString articleName(const ArticleSummary &a)
{
    return a.outlet.isEmpty() ? a.headline : a.outlet;
}

// Markdown text that must not turn into markup: the characters that start or end markup are
// escaped, line breaks become spaces (table cells and list items are one line).
QString md(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        if (QStringLiteral("\\`*_[]<>|#").contains(c))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool cancelled(const Progress &progress, int done, int total)
{
    return progress && !progress(done, total);
}

} // namespace

QByteArray markdown(const Snapshot &s)
{
    QString out;
    out += QStringLiteral("# %1\n\n").arg(md(s.title));
    out += QStringLiteral("## %1\n\n").arg(QCoreApplication::translate("Export", "Articles"));
    for (int i = 0; i < s.articles.size(); ++i) {
        const ArticleSummary &a = s.articles.at(i).summary;
        out += a.outlet.isEmpty() ? QStringLiteral("%1. %2").arg(i + 1).arg(md(a.headline))
                                  : QStringLiteral("%1. **%2** — %3").arg(i + 1).arg(md(a.outlet), md(a.headline));
        if (!a.published.isEmpty())
            out += QStringLiteral(" (%1)").arg(md(a.published));
        if (!a.url.isEmpty())
            out += QStringLiteral(" <%1>").arg(a.url);
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("\n## %1\n\n").arg(QCoreApplication::translate("Export", "Claims"));
    if (s.claims.isEmpty())
        out += QCoreApplication::translate("Export", "No claims yet.") + QStringLiteral("\n\n");
    for (const ClaimData &c : s.claims) {
        const QString status = s.statusName(c.claim);
        const bool unsupported = c.claim.statusTag == Status::Unsupported;
        out += QStringLiteral("### %1%2\n\n").arg(unsupported ? QStringLiteral("⚠ ") : QString(), md(c.claim.title));
        out += QStringLiteral("- %1\n").arg(QCoreApplication::translate("Export", "Status: %1")
                                                .arg(status.isEmpty() ? QCoreApplication::translate("Export", "none")
                                                                      : QStringLiteral("**%1**").arg(md(status))));
        const QStringList tags = s.tagNames(c);
        if (!tags.isEmpty())
            out += QStringLiteral("- %1\n").arg(
                QCoreApplication::translate("Export", "Tags: %1").arg(md(tags.join(QStringLiteral(", ")))));
        const int reported = s.reportCount(c.claim.id);
        out += QStringLiteral("- %1\n").arg(QCoreApplication::translate("Export", "Reported by %1 of %2 articles: %3")
                                                .arg(reported)
                                                .arg(s.articles.size())
                                                .arg(md(s.reportedBy(c.claim.id).join(QStringLiteral(", ")))));
        if (!c.claim.note.isEmpty())
            out += QStringLiteral("- %1\n").arg(
                QCoreApplication::translate("Export", "Note: %1").arg(md(c.claim.note)));
        for (const Evidence &e : c.evidence) {
            out += QStringLiteral("- %1%2\n")
                       .arg(
                           QCoreApplication::translate("Export", "Evidence: %1").arg(QStringLiteral("<%1>").arg(e.url)),
                           e.note.isEmpty() ? QString() : QStringLiteral(" — %1").arg(md(e.note)));
        }
        out += QLatin1Char('\n');
        if (c.coverageRow >= 0) {
            for (int column = 0; column < s.coverage.articleCount(); ++column) {
                for (const Coverage::Entry &entry : s.coverage.cell(c.coverageRow, column)) {
                    const Highlight *h = s.highlight(entry.highlightId);
                    if (!h)
                        continue;
                    out += QStringLiteral("> %1\n>\n> — %2, %3%4\n\n")
                               .arg(md(h->quote), md(articleName(s.coverage.article(column))),
                                    wordingLabel(entry.wording),
                                    h->note.isEmpty()
                                        ? QString()
                                        : QStringLiteral(". %1").arg(
                                              QCoreApplication::translate("Export", "Note: %1").arg(md(h->note))));
                }
            }
        }
    }
    if (!s.claims.isEmpty() && !s.articles.isEmpty()) {
        out += QStringLiteral("## %1\n\n| %2 | %3 |")
                   .arg(QCoreApplication::translate("Export", "Coverage"),
                        QCoreApplication::translate("Export", "Claim"),
                        QCoreApplication::translate("Export", "Status"));
        for (const ArticleData &a : s.articles)
            out += QStringLiteral(" %1 |").arg(md(articleName(a.summary)));
        out += QStringLiteral("\n|---|---|");
        for (qsizetype i = 0; i < s.articles.size(); ++i)
            out += QStringLiteral(":-:|");
        out += QLatin1Char('\n');
        for (const ClaimData &c : s.claims) {
            out += QStringLiteral("| %1 | %2 |").arg(md(c.claim.title), md(s.statusName(c.claim)));
            for (int column = 0; column < s.coverage.articleCount(); ++column) {
                QStringList wordings;
                if (c.coverageRow >= 0) {
                    for (const Coverage::Entry &entry : s.coverage.cell(c.coverageRow, column))
                        wordings << wordingLabel(entry.wording);
                }
                out += QStringLiteral(" %1 |").arg(wordings.isEmpty() ? QStringLiteral("—")
                                                                      : wordings.join(QStringLiteral(", ")));
            }
            out += QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

QByteArray csv(const Snapshot &s)
{
    const QStringList header
        = {QStringLiteral("article"), QStringLiteral("outlet"),     QStringLiteral("headline"), QStringLiteral("claim"),
           QStringLiteral("status"),  QStringLiteral("tags"),       QStringLiteral("wording"),  QStringLiteral("quote"),
           QStringLiteral("note"),    QStringLiteral("claim note"), QStringLiteral("start"),    QStringLiteral("end")};
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    auto row = [&out](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted << csvField(f);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    for (const Highlight &h : s.highlights) {
        const ArticleData *a = s.article(h.articleId);
        if (!a)
            continue;
        const QStringList where = {QString::number(h.articleId), a->summary.outlet, a->summary.headline};
        const QString start = QString::number(codePointOffset(a->body, h.start));
        const QString end = QString::number(codePointOffset(a->body, h.end));
        const QList<Appearance> links = s.linksOfHighlight.value(h.id);
        if (links.isEmpty())
            row(where + QStringList{{}, {}, {}, {}, h.quote, h.note, {}, start, end});
        for (const Appearance &link : links) {
            const ClaimData *c = s.claim(link.claimId);
            if (!c)
                continue;
            row(where
                + QStringList{c->claim.title, s.statusName(c->claim), s.tagNames(*c).join(QStringLiteral("; ")),
                              wordingKey(link.wording), h.quote, h.note, c->claim.note, start, end});
        }
    }
    return out.toUtf8();
}

Result writeMarkdown(const Snapshot &snapshot, const QString &path, const Progress &progress)
{
    if (cancelled(progress, 0, 1))
        return {{}, true};
    const QByteArray bytes = markdown(snapshot);
    if (cancelled(progress, 1, 1))
        return {{}, true};
    return writeAside(path, bytes);
}

Result writeCsv(const Snapshot &snapshot, const QString &path, const Progress &progress)
{
    if (cancelled(progress, 0, 1))
        return {{}, true};
    const QByteArray bytes = csv(snapshot);
    if (cancelled(progress, 1, 1))
        return {{}, true};
    return writeAside(path, bytes);
}

} // namespace Export
