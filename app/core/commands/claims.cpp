#include "commands/common.h"

#include "annotationstore.h"
#include "coverage.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli {

namespace {

// What `claims` reports, read once from the workspace.
struct ClaimsReport {
    QString title;
    QList<ArticleSummary> articles;
    QHash<qint64, QString> bodies;
    QHash<qint64, QString> tagNames;
    Coverage coverage;

    int offset(const Highlight &h, int utf16) const { return codePointOffset(bodies.value(h.articleId), utf16); }
};

QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject claimsJson(const ClaimsReport &report, const AnnotationStore &store)
{
    QJsonArray articles;
    for (const ArticleSummary &a : report.articles) {
        articles.append(QJsonObject{{QStringLiteral("id"), a.id},
                                    {QStringLiteral("outlet"), a.outlet},
                                    {QStringLiteral("headline"), a.headline},
                                    {QStringLiteral("source"), a.sourceName},
                                    {QStringLiteral("url"), a.url},
                                    {QStringLiteral("published"), a.published}});
    }
    QJsonArray claims;
    QJsonArray rows;
    const Coverage &coverage = report.coverage;
    for (int i = 0; i < coverage.claimCount(); ++i) {
        const Claim &c = coverage.claim(i);
        QJsonArray tags;
        for (qint64 t : store.tagsOfClaim(c.id))
            tags.append(report.tagNames.value(t));
        QJsonArray evidence;
        for (const Evidence &e : store.evidenceOf(c.id))
            evidence.append(QJsonObject{{QStringLiteral("url"), e.url}, {QStringLiteral("note"), e.note}});
        QJsonArray appearances;
        QJsonArray cells;
        for (int column = 0; column < coverage.articleCount(); ++column) {
            QJsonArray wordings;
            for (const Coverage::Entry &entry : coverage.cell(i, column)) {
                wordings.append(wordingKey(entry.wording));
                const std::optional<Highlight> h = store.highlight(entry.highlightId);
                if (!h)
                    continue;
                const ArticleSummary &a = coverage.article(column);
                appearances.append(QJsonObject{{QStringLiteral("article"), a.id},
                                               {QStringLiteral("outlet"), a.outlet},
                                               {QStringLiteral("headline"), a.headline},
                                               {QStringLiteral("start"), report.offset(*h, h->start)},
                                               {QStringLiteral("end"), report.offset(*h, h->end)},
                                               {QStringLiteral("text"), h->quote},
                                               {QStringLiteral("wording"), wordingKey(entry.wording)},
                                               {QStringLiteral("highlight"), h->id},
                                               {QStringLiteral("orphaned"), h->orphaned}});
            }
            cells.append(wordings);
        }
        claims.append(QJsonObject{{QStringLiteral("id"), c.id},
                                  {QStringLiteral("title"), c.title},
                                  {QStringLiteral("status"), nullable(report.tagNames.value(c.statusTag))},
                                  {QStringLiteral("tags"), tags},
                                  {QStringLiteral("note"), c.note},
                                  {QStringLiteral("evidence"), evidence},
                                  {QStringLiteral("appearances"), appearances}});
        rows.append(QJsonObject{{QStringLiteral("claim"), c.id},
                                {QStringLiteral("cells"), cells},
                                {QStringLiteral("reported_by"), coverage.reportCount(i)},
                                {QStringLiteral("outlets"), coverage.outletCount(i)}});
    }
    QJsonArray columns;
    for (const ArticleSummary &a : report.articles)
        columns.append(a.id);
    return {{QStringLiteral("workspace"), report.title},
            {QStringLiteral("articles"), articles},
            {QStringLiteral("claims"), claims},
            {QStringLiteral("coverage"),
             QJsonObject{{QStringLiteral("articles"), columns}, {QStringLiteral("rows"), rows}}}};
}

QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QStringLiteral(" \u00B6 "));
}

void printClaims(const ClaimsReport &report, const AnnotationStore &store)
{
    const Coverage &coverage = report.coverage;
    out() << "Workspace: " << report.title << '\n';
    out() << "Articles (" << report.articles.size() << "):\n";
    for (const ArticleSummary &a : report.articles) {
        out() << "  " << a.id << ". " << (a.outlet.isEmpty() ? QStringLiteral("(no outlet)") : a.outlet) << " \u2014 "
              << a.headline;
        if (!a.sourceName.isEmpty())
            out() << " [" << a.sourceName << ']';
        out() << '\n';
    }
    out() << "Claims (" << coverage.claimCount() << "):\n";
    for (int i = 0; i < coverage.claimCount(); ++i) {
        const Claim &c = coverage.claim(i);
        out() << "  " << c.id << ". " << quoted(c.title);
        if (c.statusTag)
            out() << " \u2014 " << report.tagNames.value(c.statusTag);
        out() << '\n';
        QStringList tags;
        for (qint64 t : store.tagsOfClaim(c.id))
            tags << report.tagNames.value(t);
        if (!tags.isEmpty())
            out() << "     tags: " << tags.join(QStringLiteral(", ")) << '\n';
        if (!c.note.isEmpty())
            out() << "     note: " << oneLine(c.note) << '\n';
        for (const Evidence &e : store.evidenceOf(c.id))
            out() << "     evidence: " << e.url << (e.note.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.note))
                  << '\n';
        for (int column = 0; column < coverage.articleCount(); ++column) {
            for (const Coverage::Entry &entry : coverage.cell(i, column)) {
                const std::optional<Highlight> h = store.highlight(entry.highlightId);
                if (!h)
                    continue;
                out() << "     article " << h->articleId << " [" << report.offset(*h, h->start) << ", "
                      << report.offset(*h, h->end) << ") " << wordingKey(entry.wording)
                      << (h->orphaned ? ", orphaned" : "") << ": \u201C" << oneLine(h->quote) << "\u201D\n";
            }
        }
        out() << "     reported by " << coverage.reportCount(i) << " of " << coverage.articleCount() << " articles, "
              << coverage.outletCount(i) << (coverage.outletCount(i) == 1 ? " outlet" : " outlets") << '\n';
    }
    if (coverage.claimCount() == 0 || coverage.articleCount() == 0)
        return;
    // The matrix at a glance: appearances per cell, '.' where the article does not report the claim.
    out() << "Coverage (claims down, articles across):\n";
    out() << "  " << QStringLiteral("claim").leftJustified(8);
    for (const ArticleSummary &a : report.articles)
        out() << ' ' << QString::number(a.id).rightJustified(3);
    out() << '\n';
    for (int i = 0; i < coverage.claimCount(); ++i) {
        out() << "  " << QString::number(coverage.claim(i).id).leftJustified(8);
        for (int column = 0; column < coverage.articleCount(); ++column) {
            const qsizetype n = coverage.cell(i, column).size();
            out() << ' ' << (n == 0 ? QStringLiteral(".") : QString::number(n)).rightJustified(3);
        }
        out() << '\n';
    }
}

} // namespace

int runClaims(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the claims of a workspace with their status, tags, note, evidence and appearances, and the\n"
        "coverage matrix (which article reports which claim). Offsets are Unicode code points into the\n"
        "article body (headline not included), [start, end) with end exclusive.\n"
        "\n"
        "With --json, prints one object:\n"
        "  {\"workspace\": title,\n"
        "   \"articles\": [{\"id\", \"outlet\", \"headline\", \"source\", \"url\", \"published\"}],\n"
        "   \"claims\": [{\"id\", \"title\", \"status\" (name or null), \"tags\": [names], \"note\",\n"
        "               \"evidence\": [{\"url\", \"note\"}],\n"
        "               \"appearances\": [{\"article\": id, \"outlet\", \"headline\", \"start\", \"end\", \"text\",\n"
        "                                \"wording\", \"highlight\": id, \"orphaned\": bool}]}],\n"
        "   \"coverage\": {\"articles\": [ids],\n"
        "                \"rows\": [{\"claim\": id, \"cells\": [[wordings] per article, [] when absent],\n"
        "                          \"reported_by\": articles, \"outlets\": outlets}]}}\n"
        "Articles without an outlet count as one outlet each."));
    parser.addHelpOption();
    addWorkspaceOption(parser, QStringLiteral("The workspace file (must exist)."));
    parser.addOption({{QStringLiteral("j"), QStringLiteral("json")}, QStringLiteral("Print JSON.")});
    if (const int exit = parseArguments(parser, arguments); exit >= 0)
        return exit;
    const QString path = parser.value(QStringLiteral("workspace"));
    if (path.isEmpty())
        return usageError(QStringLiteral("claims needs --workspace FILE"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    QString error;
    std::unique_ptr<Workspace> ws = openExisting(path, &error);
    if (!ws)
        return failure(error);
    const AnnotationStore store(ws.get());
    ClaimsReport report;
    report.title = ws->title();
    report.articles = ws->articles();
    for (const ArticleSummary &a : std::as_const(report.articles))
        report.bodies.insert(a.id, ws->articleBody(a.id));
    for (const Tag &t : store.tags())
        report.tagNames.insert(t.id, t.name);
    report.coverage = Coverage::compute(store, report.articles);
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(claimsJson(report, store)).toJson(QJsonDocument::Indented);
    else
        printClaims(report, store);
    out().flush();
    return 0;
}

} // namespace Cli
