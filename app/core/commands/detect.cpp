#include "commands/common.h"

#include "detect/engine.h"
#include "detect/pairscore.h"
#include "detect/rejectedsuggestions.h"
#include "importer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli {

namespace {

struct DetectArticle {
    Detect::Document document;
    QString file; // as given on the command line; empty for a workspace article
    QString title;
};

// The answer key's rows (claim, file, passage) as passages of the loaded articles; a row whose
// file or passage is not found is an error.
bool readKey(const QString &path, const QList<DetectArticle> &articles, QList<Detect::KeyPassage> *key, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot be read (%2)").arg(path, f.errorString());
        return false;
    }
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 1 names the columns
        const QStringList fields = lines.at(i).split(u'\t');
        if (fields.size() < 3) {
            *error = QStringLiteral("%1:%2: expected claim, file and passage separated by tabs").arg(path).arg(i + 1);
            return false;
        }
        const DetectArticle *article = nullptr;
        for (const DetectArticle &a : articles) {
            const QString name = a.file.isEmpty() ? a.document.source : QFileInfo(a.file).fileName();
            if (name == fields.at(1) || QFileInfo(a.file).fileName() == fields.at(1))
                article = &a;
        }
        if (!article) {
            *error = QStringLiteral("%1:%2: no article from file %3").arg(path).arg(i + 1).arg(fields.at(1));
            return false;
        }
        const qsizetype at = article->document.text.indexOf(fields.at(2));
        if (at < 0) {
            *error = QStringLiteral("%1:%2: passage not found in %3").arg(path).arg(i + 1).arg(fields.at(1));
            return false;
        }
        key->append({fields.at(0), fields.value(3), {article->document.id, int(at), int(at + fields.at(2).size())}});
    }
    return true;
}

QString oneLine(QString text)
{
    return text.replace(u'\n', QStringLiteral(" \u00B6 "));
}

} // namespace

int runDetect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Suggests shared claims: groups of passages in different articles that report the same quote,\n"
        "figure or date, or a near-identical sentence. Reads article files (imported in memory, nothing\n"
        "is written) or the articles of a workspace (suggestions rejected there are left out).\n"
        "Offsets are Unicode code points into the article body as imported (headline not included),\n"
        "[start, end) with end exclusive.\n"
        "\n"
        "With --json, prints one object:\n"
        "  {\"articles\": [{\"file\" (files) or \"id\" (workspace), \"title\"}],\n"
        "   \"suggestions\": [{\"kind\": \"quote\" | \"figure\" | \"date\" | \"sentence\", \"score\" (0..1),\n"
        "                    \"label\", \"key\",\n"
        "                    \"passages\": [{\"article\": index into articles, \"start\", \"end\", \"text\"}]}]}\n"
        "\n"
        "With --score KEY, also scores the suggestions against an answer key (tab-separated claim,\n"
        "file, passage, with a header line; passage an exact substring of the body of file) as\n"
        "passage pairs, and prints precision and recall (in --json as \"score\")."));
    parser.addHelpOption();
    addWorkspaceOption(parser, QStringLiteral("Detect over the articles of this workspace (must exist)."));
    parser.addOption({{QStringLiteral("j"), QStringLiteral("json")}, QStringLiteral("Print JSON.")});
    parser.addOption(
        {QStringLiteral("score"), QStringLiteral("Score against an answer key (TSV)."), QStringLiteral("KEY")});
    parser.addPositionalArgument(QStringLiteral("ARTICLE"), QStringLiteral("Article files (text, Markdown, HTML)."),
                                 QStringLiteral("[ARTICLE...]"));
    if (const int exit = parseArguments(parser, arguments); exit >= 0)
        return exit;
    const QString workspacePath = parser.value(QStringLiteral("workspace"));
    const QStringList files = parser.positionalArguments();
    if (workspacePath.isEmpty() == files.isEmpty())
        return usageError(QStringLiteral("detect needs either --workspace FILE or article files"));

    QList<DetectArticle> articles;
    std::unique_ptr<Workspace> ws;
    if (!files.isEmpty()) {
        for (const QString &file : files) {
            const Importer::Result r = Importer::importFile(file);
            if (!r.ok())
                return failure(r.error);
            articles.append({{articles.size() + 1, r.draft.body, r.draft.outlet}, file, r.draft.headline});
        }
    } else {
        QString error;
        ws = openExisting(workspacePath, &error);
        if (!ws)
            return failure(error);
        for (const ArticleSummary &a : ws->articles())
            articles.append({{a.id, ws->articleBody(a.id), a.outlet}, QString(), a.headline});
    }

    Detect::Engine engine;
    QList<Detect::Document> documents;
    for (const DetectArticle &a : std::as_const(articles))
        documents.append(a.document);
    engine.add(documents);
    QList<Detect::Suggestion> suggestions = engine.detect().value_or(QList<Detect::Suggestion>());
    if (ws)
        suggestions = Detect::RejectedSuggestions(ws.get()).withoutRejected(suggestions);

    std::optional<Detect::PairScore> score;
    if (parser.isSet(QStringLiteral("score"))) {
        QList<Detect::KeyPassage> key;
        QString error;
        if (!readKey(parser.value(QStringLiteral("score")), articles, &key, &error))
            return failure(error);
        score = Detect::scorePairs(suggestions, key);
    }

    QHash<qint64, int> indexOf;
    for (qsizetype i = 0; i < articles.size(); ++i)
        indexOf.insert(articles.at(i).document.id, int(i));
    auto body = [&](const Detect::Passage &p) -> const QString & {
        return articles.at(indexOf.value(p.articleId)).document.text;
    };

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray articleArray;
        for (const DetectArticle &a : std::as_const(articles)) {
            QJsonObject o{{QStringLiteral("title"), a.title}};
            if (a.file.isEmpty())
                o.insert(QStringLiteral("id"), a.document.id);
            else
                o.insert(QStringLiteral("file"), a.file);
            articleArray.append(o);
        }
        QJsonArray suggestionArray;
        for (const Detect::Suggestion &s : std::as_const(suggestions)) {
            QJsonArray passages;
            for (const Detect::Passage &p : s.passages) {
                const QString &text = body(p);
                passages.append(QJsonObject{{QStringLiteral("article"), indexOf.value(p.articleId)},
                                            {QStringLiteral("start"), codePointOffset(text, p.start)},
                                            {QStringLiteral("end"), codePointOffset(text, p.end)},
                                            {QStringLiteral("text"), text.mid(p.start, p.end - p.start)}});
            }
            suggestionArray.append(QJsonObject{{QStringLiteral("kind"), Detect::kindKey(s.kind)},
                                               {QStringLiteral("score"), std::round(s.score * 1000) / 1000},
                                               {QStringLiteral("label"), s.label},
                                               {QStringLiteral("key"), QString::fromLatin1(s.key)},
                                               {QStringLiteral("passages"), passages}});
        }
        QJsonObject result{{QStringLiteral("articles"), articleArray},
                           {QStringLiteral("suggestions"), suggestionArray}};
        if (score) {
            QJsonObject kinds;
            auto counts = [](const Detect::PairCounts &c) {
                return QJsonObject{
                    {QStringLiteral("predicted_pairs"), c.predicted}, {QStringLiteral("correct_pairs"), c.correct},
                    {QStringLiteral("key_pairs"), c.keyPairs},        {QStringLiteral("key_pairs_found"), c.found},
                    {QStringLiteral("precision"), c.precision()},     {QStringLiteral("recall"), c.recall()}};
            };
            for (auto it = score->byKind.cbegin(); it != score->byKind.cend(); ++it)
                kinds.insert(it.key(), counts(it.value()));
            QJsonObject s = counts(score->all);
            s.insert(QStringLiteral("by_kind"), kinds);
            result.insert(QStringLiteral("score"), s);
        }
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        out().flush();
        return 0;
    }

    out() << "Articles (" << articles.size() << "):\n";
    for (qsizetype i = 0; i < articles.size(); ++i) {
        const DetectArticle &a = articles.at(i);
        out() << "  [" << i << "] " << (a.file.isEmpty() ? QStringLiteral("article %1").arg(a.document.id) : a.file)
              << " \u2014 " << a.title << '\n';
    }
    out() << "Suggestions (" << suggestions.size() << "):\n";
    for (const Detect::Suggestion &s : std::as_const(suggestions)) {
        out() << "  " << Detect::kindKey(s.kind) << ' ' << QString::number(s.score, 'f', 2) << "  " << oneLine(s.label)
              << '\n';
        for (const Detect::Passage &p : s.passages) {
            const QString &text = body(p);
            out() << "     [" << indexOf.value(p.articleId) << "] " << codePointOffset(text, p.start) << '-'
                  << codePointOffset(text, p.end) << ": \u201C" << oneLine(text.mid(p.start, p.end - p.start))
                  << "\u201D\n";
        }
    }
    if (score) {
        const Detect::PairCounts &c = score->all;
        out() << QStringLiteral("Score: precision %1 (%2 of %3 predicted pairs), recall %4 (%5 of %6 key pairs)\n")
                     .arg(c.precision(), 0, 'f', 3)
                     .arg(c.correct)
                     .arg(c.predicted)
                     .arg(c.recall(), 0, 'f', 3)
                     .arg(c.found)
                     .arg(c.keyPairs);
        for (auto it = score->byKind.cbegin(); it != score->byKind.cend(); ++it) {
            out() << QStringLiteral("  %1: precision %2 (%3/%4), recall %5 (%6/%7)\n")
                         .arg(it.key())
                         .arg(it->precision(), 0, 'f', 3)
                         .arg(it->correct)
                         .arg(it->predicted)
                         .arg(it->recall(), 0, 'f', 3)
                         .arg(it->found)
                         .arg(it->keyPairs);
        }
        for (const auto &[a, b] : std::as_const(score->wrong))
            out() << "  wrong pair: [" << indexOf.value(a.articleId) << "] \u201C"
                  << oneLine(body(a).mid(a.start, a.end - a.start)) << "\u201D ~ [" << indexOf.value(b.articleId)
                  << "] \u201C" << oneLine(body(b).mid(b.start, b.end - b.start)) << "\u201D\n";
        for (const auto &[a, b] : std::as_const(score->missed))
            out() << "  missed " << a.claim << ": [" << indexOf.value(a.passage.articleId) << "] ~ ["
                  << indexOf.value(b.passage.articleId) << "]\n";
    }
    out().flush();
    return 0;
}

} // namespace Cli
