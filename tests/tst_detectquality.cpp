// Detection measured, not only run: suggestions are scored as passage pairs against the sample
// story's hand-made answer key and against seeded synthetic stories with planted claims, and the
// scores must stay above what the engine reached when the thresholds were set (a little below
// it, so that noise does not fail the suite but a broken stage does).
#include "detect/engine.h"
#include "detect/pairscore.h"
#include "detect/rejectedsuggestions.h"
#include "importer.h"
#include "schema.h"
#include "syntheticcorpus.h"
#include "workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Sample {
    QList<Detect::Document> documents;
    QList<Detect::KeyPassage> key;
};

QStringList sampleFiles()
{
    QStringList files;
    const QDir dir(QStringLiteral(PARALLAX_SOURCE_DIR "/resources/sample"));
    for (const QString &f : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name))
        files << dir.filePath(f);
    return files;
}

// The sample story imported as the app imports it, and the answer key as passages of it.
Sample sample()
{
    Sample s;
    QHash<QString, qint64> idOf;
    for (const QString &file : sampleFiles()) {
        const Importer::Result r = Importer::importFile(file);
        if (!r.ok())
            return {};
        const qint64 id = s.documents.size() + 1;
        s.documents.append({id, r.draft.body, QString()});
        idOf.insert(QFileInfo(file).fileName(), id);
    }
    QFile f(QStringLiteral(PARALLAX_TEST_DATA "/claims.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) {
        const QStringList fields = line.split(u'\t');
        const qint64 id = idOf.value(fields.value(1));
        const QString &body = s.documents.at(id - 1).text;
        const int at = int(body.indexOf(fields.value(2)));
        if (id == 0 || at < 0)
            return {};
        s.key.append({fields.at(0), QString(), {id, at, at + int(fields.at(2).size())}});
    }
    return s;
}

QList<Detect::Suggestion> detect(const QList<Detect::Document> &documents, const Detect::Options &options = {})
{
    Detect::Engine engine(options);
    engine.add(documents);
    return engine.detect().value_or(QList<Detect::Suggestion>());
}

Synthetic::Corpus synthetic(quint64 seed)
{
    Synthetic::Shape shape;
    shape.seed = seed;
    return Synthetic::generate(shape);
}

// Several seeds scored as one corpus: ids are unique per corpus, so they are offset.
Detect::PairScore syntheticScore(const Detect::Options &options = {})
{
    QList<Detect::Suggestion> all;
    QList<Detect::KeyPassage> key;
    for (quint64 seed : {1, 2, 3, 4}) {
        Synthetic::Corpus c = synthetic(seed);
        const qint64 offset = qint64(seed) * 100000;
        for (Detect::Document &d : c.documents)
            d.id += offset;
        for (Detect::KeyPassage &k : c.key) {
            k.passage.articleId += offset;
            k.claim = QString::number(seed) + u'/' + k.claim;
        }
        all += detect(c.documents, options);
        key += c.key;
    }
    return Detect::scorePairs(all, key);
}

void report(const char *what, const Detect::PairScore &score)
{
    qInfo("%s: precision %.3f (%d/%d), recall %.3f (%d/%d)", what, score.all.precision(), score.all.correct,
          score.all.predicted, score.all.recall(), score.all.found, score.all.keyPairs);
    for (auto it = score.byKind.cbegin(); it != score.byKind.cend(); ++it)
        qInfo("  %-8s precision %.3f (%d/%d), recall %.3f (%d/%d)", qPrintable(it.key()), it->precision(), it->correct,
              it->predicted, it->recall(), it->found, it->keyPairs);
}

// What each kind must reach on the synthetic stories: a little below what it reached.
struct Bar {
    const char *kind;
    double precision;
    double recall;
};
const Bar SyntheticBars[] = {
    {"quote", 0.95, 0.9},
    {"figure", 0.85, 0.9},
    {"date", 0.9, 0.9},
    {"sentence", 0.9, 0.9},
};

} // namespace

class DetectQualityTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleStory()
    {
        const Sample s = sample();
        QCOMPARE(s.documents.size(), 5);
        QCOMPARE(s.key.size(), 42);
        const Detect::PairScore score = Detect::scorePairs(detect(s.documents), s.key);
        report("sample story", score);
        // Most of the key is paraphrase, which detection does not claim to find; what it finds
        // must be right, and it must find the shared quotes, the shared figure and sentences.
        QVERIFY2(score.all.precision() >= 0.9, "sample story: pair precision below 0.9");
        QVERIFY2(score.all.recall() >= 0.25, "sample story: pair recall below 0.25");
        QVERIFY(score.all.found >= 15);
    }

    void syntheticStories()
    {
        const Detect::PairScore score = syntheticScore();
        report("synthetic stories", score);
        QVERIFY2(score.all.precision() >= 0.9, "synthetic: overall pair precision below 0.9");
        for (const Bar &bar : SyntheticBars) {
            const Detect::PairCounts c = score.byKind.value(QLatin1String(bar.kind));
            QVERIFY2(c.keyPairs > 0, bar.kind);
            QVERIFY2(
                c.precision() >= bar.precision,
                qPrintable(
                    u"%1: precision %2 below %3"_s.arg(QLatin1String(bar.kind)).arg(c.precision()).arg(bar.precision)));
            QVERIFY2(
                c.recall() >= bar.recall,
                qPrintable(u"%1: recall %2 below %3"_s.arg(QLatin1String(bar.kind)).arg(c.recall()).arg(bar.recall)));
        }
    }

    // The bars above are only worth something if a broken stage falls below them.
    void brokenFigureNormalisationIsNoticed()
    {
        Detect::Options broken;
        broken.values = false;
        const Detect::PairScore score = syntheticScore(broken);
        report("synthetic, figures compared as written", score);
        for (const Bar &bar : SyntheticBars) {
            if (qstrcmp(bar.kind, "figure") == 0 || qstrcmp(bar.kind, "date") == 0)
                QVERIFY2(score.byKind.value(QLatin1String(bar.kind)).recall() < bar.recall, bar.kind);
        }
    }

    void brokenSimilarityIsNoticed()
    {
        Detect::Options broken;
        broken.sentenceSimilarity = 1.01;
        const Detect::PairScore score = syntheticScore(broken);
        QVERIFY(score.byKind.value(u"sentence"_s).recall() < SyntheticBars[3].recall);
    }

    void suggestionsAreWellFormed()
    {
        const Synthetic::Corpus c = synthetic(7);
        QHash<qint64, QString> text;
        for (const Detect::Document &d : c.documents)
            text.insert(d.id, d.text);
        const QList<Detect::Suggestion> suggestions = detect(c.documents);
        QVERIFY(!suggestions.isEmpty());
        QSet<QByteArray> keys;
        for (const Detect::Suggestion &s : suggestions) {
            QSet<qint64> articles;
            for (const Detect::Passage &p : s.passages) {
                QVERIFY(text.contains(p.articleId));
                QVERIFY(0 <= p.start && p.start < p.end && p.end <= text.value(p.articleId).size());
                articles.insert(p.articleId);
            }
            QVERIFY(articles.size() >= 2);
            QVERIFY(s.score > 0 && s.score <= 1);
            QVERIFY(!s.label.isEmpty());
            QVERIFY(!keys.contains(s.key));
            keys.insert(s.key);
        }
    }

    // Adding articles to an engine gives what one engine given all of them at once gives.
    void incrementalEqualsAtOnce()
    {
        const Synthetic::Corpus c = synthetic(5);
        Detect::Engine engine;
        QVERIFY(engine.add(c.documents.mid(0, 10)));
        QVERIFY(engine.detect().has_value());
        QVERIFY(engine.add(c.documents.mid(10)));
        QVERIFY(engine.add(c.documents.mid(0, 3))); // already there: skipped
        QCOMPARE(engine.size(), c.documents.size());
        QStringList incremental, once;
        const QList<Detect::Suggestion> afterAdding = engine.detect().value_or(QList<Detect::Suggestion>());
        for (const Detect::Suggestion &s : afterAdding)
            incremental << QString::fromLatin1(s.key);
        for (const Detect::Suggestion &s : detect(c.documents))
            once << QString::fromLatin1(s.key);
        incremental.sort();
        once.sort();
        QCOMPARE(incremental, once);
    }

    void cancelAndProgress()
    {
        const Synthetic::Corpus c = synthetic(6);
        std::atomic<bool> cancel{true};
        Detect::Engine engine;
        QVERIFY(!engine.add(c.documents, {&cancel, {}}));
        QCOMPARE(engine.size(), 0);
        cancel = false;
        int calls = 0;
        int last = -1;
        bool ordered = true;
        Detect::Control control{&cancel, [&](int done, int total) {
                                    ordered = ordered && done >= 0 && done <= total;
                                    last = done;
                                    ++calls;
                                }};
        QVERIFY(engine.add(c.documents, control));
        QVERIFY(calls > 0 && ordered);
        QCOMPARE(last, c.documents.size());
        cancel = true;
        QVERIFY(!engine.detect(control).has_value());
        cancel = false;
        QVERIFY(engine.detect(control).has_value());
    }

    void normalisedFormsMatch_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("kind");
        QTest::newRow("money-words")
            << u"The tier will cost $42,000 for large enterprise customers, the filing shows."_s
            << u"Large enterprise customers must pay 42,000 dollars for the tier, per the filing."_s << u"figure"_s;
        QTest::newRow("money-k") << u"Analysts put the settlement for the harbour workers at $42k in total."_s
                                 << u"The harbour workers' settlement came to $42 thousand in total, analysts said."_s
                                 << u"figure"_s;
        QTest::newRow("percent") << u"Turnout in the coastal district rose 12.5% against the previous vote."_s
                                 << u"In the coastal district turnout rose 12.5 per cent on the previous vote."_s
                                 << u"figure"_s;
        QTest::newRow("date-ordinal")
            << u"The council said the harbour bridge closes to lorries on April 25, 2023."_s
            << u"From 25th April, lorries may no longer cross the harbour bridge, the council said."_s << u"date"_s;
        QTest::newRow("quote-marks")
            << u"The mayor wrote: \u201CWe will rebuild the harbour bridge within a year.\u201D"_s
            << u"\"We will rebuild the harbour\u00A0bridge within a year,\" the mayor wrote."_s << u"quote"_s;
    }

    void normalisedFormsMatch()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, kind);
        const QList<Detect::Suggestion> s
            = detect({{1, a, {}}, {2, b, {}}, {3, u"An unrelated note about gardening in spring and summer."_s, {}}});
        QStringList kinds;
        for (const Detect::Suggestion &x : s)
            kinds << Detect::kindKey(x.kind);
        QVERIFY2(kinds.contains(kind), qPrintable(kinds.join(u',')));
    }

    void sameNumberElsewhereIsNotAFigure()
    {
        const QList<Detect::Suggestion> s
            = detect({{1, u"The tier will cost $42,000 for large enterprise customers, the filing shows."_s, {}},
                      {2, u"A vintage tractor sold at auction for $42,000 to a collector from the valley."_s, {}}});
        QVERIFY(s.isEmpty());
    }

    void rejectionsPersist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.parallax"_s);
        const Sample s = sample();
        const QList<Detect::Suggestion> suggestions = detect(s.documents);
        QVERIFY(suggestions.size() >= 2);
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            Detect::RejectedSuggestions rejected(ws.get());
            QVERIFY(rejected.reject(suggestions.first()));
            QVERIFY(rejected.reject(suggestions.first())); // again: no change, no error
            QVERIFY(rejected.reject(suggestions.at(1)));
            QVERIFY(rejected.restore(suggestions.at(1).key));
        }
        QString error;
        auto ws = Workspace::open(path, &error);
        QVERIFY2(ws, qPrintable(error));
        Detect::RejectedSuggestions rejected(ws.get());
        QCOMPARE(rejected.keys(), QSet<QByteArray>{suggestions.first().key});
        QVERIFY(rejected.isRejected(suggestions.first().key));
        QCOMPARE(rejected.withoutRejected(suggestions).size(), suggestions.size() - 1);
        // A second run finds the same suggestion under the same key.
        QCOMPARE(detect(s.documents).first().key, suggestions.first().key);
        QCOMPARE(Schema::currentVersion(), 4);
    }

    void commandLine()
    {
        QProcess p;
        p.start(QStringLiteral(PARALLAX_BINARY), QStringList{u"detect"_s, u"--json"_s} + sampleFiles());
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonArray articles = o[u"articles"_s].toArray();
        QCOMPARE(articles.size(), 5);
        QList<QString> bodies;
        for (const QJsonValue &a : articles) {
            QVERIFY(!a[u"title"_s].toString().isEmpty());
            bodies << Importer::importFile(a[u"file"_s].toString()).draft.body;
        }
        const QJsonArray suggestions = o[u"suggestions"_s].toArray();
        QVERIFY(suggestions.size() >= 3);
        for (const QJsonValue &s : suggestions) {
            QVERIFY(QStringList({u"quote"_s, u"figure"_s, u"date"_s, u"sentence"_s}).contains(s[u"kind"_s].toString()));
            for (const QJsonValue &passage : s[u"passages"_s].toArray()) {
                const QList<uint> body = bodies.value(passage[u"article"_s].toInt()).toUcs4();
                const int start = passage[u"start"_s].toInt();
                const int end = passage[u"end"_s].toInt();
                QVERIFY(0 <= start && start < end && end <= body.size());
                QCOMPARE(QString::fromUcs4(reinterpret_cast<const char32_t *>(body.constData()) + start, end - start),
                         passage[u"text"_s].toString());
            }
        }

        QProcess usage;
        usage.start(QStringLiteral(PARALLAX_BINARY), {u"detect"_s, u"--json"_s});
        QVERIFY(usage.waitForFinished(60000));
        QCOMPARE(usage.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(DetectQualityTest)
#include "tst_detectquality.moc"
