#include "cli.h"

#include "annotationstore.h"
#include "annotator.h"
#include "coverage.h"
#include "importer.h"
#include "quotefinder.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace Cli {

namespace {

const QStringList Commands = {QStringLiteral("import"), QStringLiteral("annotate"), QStringLiteral("claims")};
const QStringList GuiOptions = {QStringLiteral("--sample")};

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString &message)
{
    err() << "parallax: " << message << "\nRun 'parallax --help' for usage.\n";
    err().flush();
    return 2;
}

int failure(const QString &message)
{
    err() << "parallax: " << message << '\n';
    err().flush();
    return 1;
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports article files into a workspace, each file whole or not at all.\n"
        "Formats: plain text (line 1 the headline, a blank line, then the body), Markdown, and HTML pages\n"
        "saved from a browser. Prints one line per article; files that fail are reported on stderr."));
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workspace")},
                      QStringLiteral("The workspace file (created if it does not exist)."),
                      QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article files to import."),
                                 QStringLiteral("ARTICLE..."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    const QString path = parser.value(QStringLiteral("workspace"));
    const QStringList files = parser.positionalArguments();
    if (path.isEmpty())
        return usageError(QStringLiteral("import needs --workspace FILE"));
    if (files.isEmpty())
        return usageError(QStringLiteral("import needs at least one article file"));

    QList<ArticleDraft> drafts;
    QStringList problems;
    for (const QString &file : files) {
        Importer::Result r = Importer::importFile(file);
        if (r.ok())
            drafts.append(r.draft);
        else
            problems.append(r.error);
    }
    const bool existed = QFileInfo::exists(path);
    QString error;
    std::unique_ptr<Workspace> ws = Workspace::open(path, &error);
    if (!ws)
        return failure(error);
    int failed = int(problems.size());
    const QList<Workspace::AddResult> results = ws->addArticles(drafts);
    for (qsizetype i = 0; i < results.size(); ++i) {
        const Workspace::AddResult &r = results.at(i);
        const ArticleDraft &d = drafts.at(i);
        if (r.duplicate) {
            out() << d.sourceName << ": already in the workspace as article " << r.id << ", skipped\n";
        } else if (r.ok()) {
            out() << d.sourceName << ": imported as article " << r.id << " \u2014 " << d.headline << '\n';
        } else {
            problems.append(QStringLiteral("%1: could not be stored (%2)").arg(d.sourceName, r.error));
            ++failed;
        }
    }
    out().flush();
    const bool nothingStored = ws->articleCount() == 0;
    ws.reset();
    if (!existed && nothingStored) {
        // Leave no empty workspace behind when nothing could be imported into a new one.
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
    }
    for (const QString &p : std::as_const(problems))
        err() << "parallax: " << p << '\n';
    err().flush();
    return failed > 0 ? 1 : 0;
}

// Offsets leave the program in Unicode code points: what scripts in most languages index strings
// by. Inside, they are UTF-16 code units, which differ after any character outside the BMP.
int codePointOffset(const QString &text, int utf16Offset)
{
    const int end = std::clamp(utf16Offset, 0, int(text.size()));
    int n = end;
    for (int i = 1; i < end; ++i) {
        if (text.at(i).isLowSurrogate() && text.at(i - 1).isHighSurrogate())
            --n;
    }
    return n;
}

QString quoted(const QString &title)
{
    return QLatin1Char('"') + title + QLatin1Char('"');
}

// The built-in statuses by the names the command line accepts.
qint64 statusFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("unsupported"))
        return Status::Unsupported;
    if (n == QLatin1String("supported"))
        return Status::Supported;
    if (n == QLatin1String("disputed"))
        return Status::Disputed;
    if (n == QLatin1String("needs check") || n == QLatin1String("needs-check"))
        return Status::NeedsCheck;
    return 0;
}

// Opens an existing workspace for a command that reads or annotates one: such a command never
// creates a workspace, since an empty new one could only make it fail.
std::unique_ptr<Workspace> openExisting(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such workspace").arg(path);
        return nullptr;
    }
    return Workspace::open(path, error);
}

int runAnnotate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Finds a quote in the articles of a workspace, highlights every occurrence and links each one to a\n"
        "claim: the claim with that title (compared case-insensitively), or a new one. All of it is one\n"
        "transaction: when anything fails, nothing is changed.\n"
        "\n"
        "The quote is matched case-sensitively, but any run of whitespace (including no-break spaces and line\n"
        "breaks) matches any other, and straight and typographic quote marks match each other: ' \u2018 \u2019 \u201A\n"
        "\u2032 and apostrophes are one mark, \" \u201C \u201D \u201E \u00AB \u00BB \u2033 another.\n"
        "\n"
        "Prints one line per thing it did, e.g.\n"
        "  claim 2 \"Title\": created\n"
        "  article 3 [120, 176): linked to claim 2 \"Title\"\n"
        "where [start, end) are offsets in Unicode code points into the article body (headline not\n"
        "included). Exits 1 when the quote is found nowhere."));
    parser.addHelpOption();
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workspace")},
                      QStringLiteral("The workspace file (must exist)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {{QStringLiteral("q"), QStringLiteral("quote")}, QStringLiteral("The text to find."), QStringLiteral("TEXT")});
    parser.addOption({{QStringLiteral("c"), QStringLiteral("claim")},
                      QStringLiteral("The title of the claim to link to (created if no claim has it)."),
                      QStringLiteral("TITLE")});
    parser.addOption({{QStringLiteral("s"), QStringLiteral("status")},
                      QStringLiteral("Set the claim's status: unsupported, supported, disputed or \"needs check\"."),
                      QStringLiteral("S")});
    parser.addOption(
        {{QStringLiteral("n"), QStringLiteral("note")}, QStringLiteral("Set the claim's note."), QStringLiteral("N")});
    parser.addOption({{QStringLiteral("a"), QStringLiteral("article")},
                      QStringLiteral("Look only in this article (its id, as 'import' and 'claims' print it)."),
                      QStringLiteral("ID")});
    parser.addOption({{QStringLiteral("k"), QStringLiteral("wording")},
                      QStringLiteral("How the articles word the claim: verbatim, paraphrase, attributed, hedged or "
                                     "stated (the default)."),
                      QStringLiteral("K")});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    const QString path = parser.value(QStringLiteral("workspace"));
    const QString quote = parser.value(QStringLiteral("quote"));
    const QString title = parser.value(QStringLiteral("claim")).trimmed();
    if (path.isEmpty())
        return usageError(QStringLiteral("annotate needs --workspace FILE"));
    if (quote.trimmed().isEmpty())
        return usageError(QStringLiteral("annotate needs --quote TEXT"));
    if (title.isEmpty())
        return usageError(QStringLiteral("annotate needs --claim TITLE"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    qint64 status = 0;
    if (parser.isSet(QStringLiteral("status"))) {
        status = statusFromName(parser.value(QStringLiteral("status")));
        if (status == 0)
            return usageError(QStringLiteral("unknown status '%1' (one of: unsupported, supported, disputed, "
                                             "needs check)")
                                  .arg(parser.value(QStringLiteral("status"))));
    }
    Wording wording = Wording::Stated;
    const bool wordingGiven = parser.isSet(QStringLiteral("wording"));
    if (wordingGiven) {
        bool ok = false;
        wording = wordingFromKey(parser.value(QStringLiteral("wording")).trimmed().toLower(), &ok);
        if (!ok)
            return usageError(QStringLiteral("unknown wording '%1' (one of: verbatim, paraphrase, attributed, "
                                             "hedged, stated)")
                                  .arg(parser.value(QStringLiteral("wording"))));
    }
    qint64 articleId = 0;
    if (parser.isSet(QStringLiteral("article"))) {
        bool ok = false;
        articleId = parser.value(QStringLiteral("article")).toLongLong(&ok);
        if (!ok || articleId <= 0)
            return usageError(
                QStringLiteral("--article needs an article id, not '%1'").arg(parser.value(QStringLiteral("article"))));
    }

    QString error;
    std::unique_ptr<Workspace> ws = openExisting(path, &error);
    if (!ws)
        return failure(error);
    QList<ArticleSummary> articles;
    if (articleId > 0) {
        const std::optional<ArticleSummary> a = ws->article(articleId);
        if (!a)
            return failure(QStringLiteral("the workspace has no article %1").arg(articleId));
        articles.append(*a);
    } else {
        articles = ws->articles();
    }

    struct Occurrence {
        qint64 articleId;
        QString body;
        QuoteFinder::Match match;
    };
    QList<Occurrence> found;
    for (const ArticleSummary &a : std::as_const(articles)) {
        const QString body = ws->articleBody(a.id);
        for (const QuoteFinder::Match &m : QuoteFinder::findAll(body, quote))
            found.append({a.id, body, m});
    }
    if (found.isEmpty()) {
        return failure(articleId > 0 ? QStringLiteral("the quote was not found in article %1").arg(articleId)
                                     : QStringLiteral("the quote was not found in any article"));
    }

    Annotator annotator(ws.get());
    AnnotationStore &store = *annotator.store();
    const std::optional<Claim> existing = store.claimByTitle(title);
    qint64 claimId = existing ? existing->id : 0;
    const QString claimTitle = existing ? existing->title : title;
    QStringList done;
    auto claimLabel = [&] { return QStringLiteral("claim %1 %2").arg(claimId).arg(quoted(claimTitle)); };
    // Offsets of a passage as printed, in code points.
    auto span = [](const Occurrence &o) {
        return QStringLiteral("[%1, %2)")
            .arg(codePointOffset(o.body, o.match.start))
            .arg(codePointOffset(o.body, o.match.end));
    };

    AnnotationStore::Batch batch(store);
    for (const Occurrence &o : std::as_const(found)) {
        const QString where = QStringLiteral("article %1 %2").arg(o.articleId).arg(span(o));
        std::optional<Appearance> linked;
        for (const Highlight &h : store.highlightsOf(o.articleId)) {
            if (h.start != o.match.start || h.end != o.match.end || h.orphaned || claimId == 0)
                continue;
            for (const Appearance &a : store.appearancesOfHighlight(h.id)) {
                if (a.claimId == claimId)
                    linked = a;
            }
        }
        if (linked) {
            if (wordingGiven && linked->wording != wording) {
                if (!annotator.setWording(linked->highlightId, claimId, wording))
                    return failure(QStringLiteral("%1: %2").arg(where, annotator.lastError()));
                done << QStringLiteral("%1: wording in %2 set to %3").arg(where, claimLabel(), wordingKey(wording));
            } else {
                done << QStringLiteral("%1: already linked to %2").arg(where, claimLabel());
            }
            continue;
        }
        const Annotator::Link link
            = annotator.highlightAndLink(o.articleId, o.match.start, o.match.end, claimId, claimTitle, wording);
        if (!link.ok())
            return failure(QStringLiteral("%1: %2").arg(where, annotator.lastError()));
        if (claimId == 0) {
            claimId = link.claimId;
            done << QStringLiteral("%1: created").arg(claimLabel());
        }
        done << QStringLiteral("%1: linked to %2").arg(where, claimLabel());
    }
    if (status != 0 && store.claim(claimId)->statusTag != status) {
        if (!annotator.setStatus(claimId, status))
            return failure(QStringLiteral("%1: %2").arg(claimLabel(), annotator.lastError()));
        done << QStringLiteral("%1: status set to %2").arg(claimLabel(), store.tag(status)->name);
    }
    if (parser.isSet(QStringLiteral("note"))) {
        const QString note = parser.value(QStringLiteral("note"));
        if (store.claim(claimId)->note != note) {
            if (!annotator.setClaimNote(claimId, note))
                return failure(QStringLiteral("%1: %2").arg(claimLabel(), annotator.lastError()));
            done << QStringLiteral("%1: note set").arg(claimLabel());
        }
    }
    if (!batch.commit())
        return failure(store.lastError().isEmpty() ? QStringLiteral("the workspace could not be changed")
                                                   : store.lastError());
    for (const QString &line : std::as_const(done))
        out() << line << '\n';
    out().flush();
    return 0;
}

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
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workspace")},
                      QStringLiteral("The workspace file (must exist)."),
                      QStringLiteral("FILE")});
    parser.addOption({{QStringLiteral("j"), QStringLiteral("json")}, QStringLiteral("Print JSON.")});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
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

} // namespace

QString helpText()
{
    return QStringLiteral(
        "Usage: parallax [WORKSPACE]\n"
        "       parallax COMMAND [OPTIONS]\n"
        "\n"
        "Parallax shows how several outlets reported one story, side by side.\n"
        "\n"
        "Without a command it opens WORKSPACE (a .parallax file, created if it does not exist) in a\n"
        "window; with no WORKSPACE, the last one used, or the sample story on first launch.\n"
        "  --sample       Open the sample story (five real articles on one story)\n"
        "\n"
        "Commands:\n"
        "  import --workspace FILE ARTICLE...  Import article files (text, Markdown, HTML) into a workspace\n"
        "  annotate --workspace FILE --quote TEXT --claim TITLE [--status S] [--note N]\n"
        "           [--article ID] [--wording K]\n"
        "                                      Highlight every occurrence of a quote and link it to the claim\n"
        "                                      with that title (created if new); S is one of unsupported,\n"
        "                                      supported, disputed, \"needs check\"\n"
        "  claims --workspace FILE [--json]    List the claims, their appearances and the coverage matrix\n"
        "\n"
        "Offsets printed by annotate and claims are Unicode code points into the article body (the\n"
        "headline not included), as [start, end) with end exclusive.\n"
        "\n"
        "Options:\n"
        "  -h, --help     Show this help; 'parallax COMMAND --help' shows a command's options\n"
        "  -v, --version  Show the version\n"
        "\n"
        "Exit status: 0 on success; 1 when something failed, with one line per problem on stderr;\n"
        "2 for a usage error.\n");
}

bool isHeadless(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (Commands.contains(first) || first == QLatin1String("-h") || first == QLatin1String("-v"))
        return true;
    // Long options other than the window's own are answered without a window (--help,
    // --version, or a usage error). Single-dash options belong to Qt (-platform, -style, ...).
    for (const QString &a : arguments.mid(1)) {
        if (a.startsWith(QLatin1String("--")) && !GuiOptions.contains(a))
            return true;
    }
    return false;
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (arguments.size() > 2 && !Commands.contains(first)) {
        for (const QString &a : arguments.mid(1)) {
            if (a == QLatin1String("--help") || a == QLatin1String("--version"))
                return run({arguments.first(), a});
        }
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        out() << helpText();
        return 0;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "parallax " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (first == QLatin1String("import"))
        return runImport(arguments.mid(1));
    if (first == QLatin1String("annotate"))
        return runAnnotate(arguments.mid(1));
    if (first == QLatin1String("claims"))
        return runClaims(arguments.mid(1));
    for (const QString &a : arguments.mid(1)) {
        if (a.startsWith(QLatin1Char('-')) && !GuiOptions.contains(a))
            return usageError(QStringLiteral("unknown option '%1'").arg(a));
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(first));
}

} // namespace Cli
