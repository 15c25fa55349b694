#include "commands/common.h"

#include "annotationstore.h"
#include "annotator.h"
#include "quotefinder.h"

#include <QCommandLineParser>

namespace Cli {

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
    addWorkspaceOption(parser, QStringLiteral("The workspace file (must exist)."));
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
    if (const int exit = parseArguments(parser, arguments); exit >= 0)
        return exit;
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
    std::unique_ptr<Workspace> ws = openExistingForEditing(path, &error);
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

} // namespace Cli
