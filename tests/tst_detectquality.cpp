// Detection measured, not only run: suggestions are scored as passage pairs against the sample
// story's hand-made answer key and against seeded synthetic stories with planted claims, and the
// scores must stay above what the engine reached when the thresholds were set (a little below
// it, so that noise does not fail the suite but a broken stage does).
#include "detect/engine.h"
#include "detect/pairscore.h"
#include "detect/rejectedsuggestions.h"
#include "detect/textunits.h"
#include "importer.h"
#include "quotefinder.h"
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

#include <algorithm>

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

// Where two tokenisations of one text differ, for a failure message; empty when they agree.
QString tokenizationDifference(const QString &text)
{
    const Detect::TokenizedText f = Detect::tokenize(text, Detect::Boundaries::Fast);
    const Detect::TokenizedText u = Detect::tokenize(text, Detect::Boundaries::Unicode);
    auto where = [&](const char *what, size_t i, int offset) {
        return u"%1 %2 differ near offset %3 in: %4"_s.arg(QLatin1String(what)).arg(i).arg(offset).arg(text.left(400));
    };
    for (size_t i = 0; i < std::max(f.tokens.size(), u.tokens.size()); ++i) {
        if (i >= f.tokens.size() || i >= u.tokens.size())
            return where("token", i, i < u.tokens.size() ? u.tokens[i].start : f.tokens[i].start);
        const Detect::Token &a = f.tokens[i];
        const Detect::Token &b = u.tokens[i];
        if (a.form != b.form || a.stem != b.stem || a.start != b.start || a.length != b.length || a.flags != b.flags
            || a.unit != b.unit)
            return where("token", i, b.start);
    }
    auto sameRanges = [](const std::vector<Detect::Range> &x, const std::vector<Detect::Range> &y) {
        if (x.size() != y.size())
            return false;
        for (size_t i = 0; i < x.size(); ++i) {
            if (x[i].first != y[i].first || x[i].end != y[i].end || x[i].start != y[i].start || x[i].stop != y[i].stop)
                return false;
        }
        return true;
    };
    if (!sameRanges(f.sentences, u.sentences)) {
        for (size_t i = 0; i < std::min(f.sentences.size(), u.sentences.size()); ++i) {
            if (f.sentences[i].end != u.sentences[i].end)
                return where("sentence", i, u.sentences[i].stop);
        }
        return where("sentence count", f.sentences.size(), 0);
    }
    if (!sameRanges(f.paragraphs, u.paragraphs))
        return where("paragraphs", 0, 0);
    if (f.units.size() != u.units.size())
        return where("unit count", f.units.size(), 0);
    if (f.quoteMarks != u.quoteMarks)
        return where("quote marks", 0, 0);
    return {};
}

// Text made of the pieces that decide word and sentence boundaries in news prose.
QString boundaryText(quint64 seed)
{
    static const QStringList pieces = {
        u"word"_s,       u"Word"_s,       u"WORD"_s,
        u"x"_s,          u"I"_s,          u"42"_s,
        u"3.5"_s,        u"1,000"_s,      u"2023"_s,
        u"U.S."_s,       u"Mr."_s,        u"Dr."_s,
        u"e.g."_s,       u"a.m."_s,       u"No."_s,
        u"vs."_s,        u"it's"_s,       u"it\u2019s"_s,
        u"outlets'"_s,   u"O'Neil"_s,     u"rock'n'roll"_s,
        u"co-op"_s,      u"snake_case"_s, u"_x"_s,
        u"x_"_s,         u"a:b"_s,        u"10:30"_s,
        u"1;2"_s,        u"a;b"_s,        u"$42,000"_s,
        u"12.5%"_s,      u"42k"_s,        u"4th"_s,
        u"x2"_s,         u"2x"_s,         u"."_s,
        u". "_s,         u"!"_s,          u"?"_s,
        u"?!"_s,         u"..."_s,        u"\u2026"_s,
        u","_s,          u";"_s,          u":"_s,
        u"-"_s,          u" - "_s,        u"\u2014"_s,
        u"\u2013"_s,     u"\""_s,         u"'"_s,
        u"\u201C"_s,     u"\u201D"_s,     u"\u2018"_s,
        u"\u2019"_s,     u"\u00AB"_s,     u"\u00BB"_s,
        u"("_s,          u")"_s,          u"["_s,
        u"]"_s,          u"{"_s,          u"}"_s,
        u" "_s,          u" "_s,          u" "_s,
        u"  "_s,         u"\u00A0"_s,     u"\t"_s,
        u"\n"_s,         u"\n\n"_s,       u"\r\n"_s,
        u"/"_s,          u"&"_s,          u"#"_s,
        u"@"_s,          u"*"_s,          u"+"_s,
        u"="_s,          u"%"_s,          u"caf\u00E9"_s,
        u"na\u00EFve"_s, u"\uFB01le"_s,   u"\u00BD"_s,
        u"\u00B2"_s,     u"`"_s,          u"~"_s,
        u"|"_s,          u"<"_s,          u">"_s,
        u"^"_s,          u"\\"_s,         u"\u00C9t\u00E9"_s,
        u"\v"_s,         u"\f"_s,         u"A"_s,
    };
    quint64 x = seed * 0x9e3779b97f4a7c15ull + 1;
    auto next = [&] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    QString text;
    const int n = 5 + int(next() % 60);
    for (int i = 0; i < n; ++i) {
        // Words and spaces more often than the rest, as in prose.
        const quint64 r = next();
        if (r % 3 == 0)
            text += u' ';
        text += pieces.at(qsizetype((r >> 8) % quint64(pieces.size())));
    }
    return text;
}

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

    // The fast path for ASCII lines finds the same words, sentences and clauses as
    // QTextBoundaryFinder: on generated texts full of abbreviations, numbers, quote marks of
    // every kind, NBSP and non-ASCII lines, on the synthetic stories and on the sample story.
    void fastBoundariesAgreeWithUnicode()
    {
        for (quint64 seed = 1; seed <= 20000; ++seed) {
            const QString diff = tokenizationDifference(boundaryText(seed));
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        Synthetic::Shape shape;
        shape.seed = 7;
        for (const Detect::Document &d : Synthetic::generate(shape).documents) {
            const QString diff = tokenizationDifference(d.text);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        const Sample s = sample();
        QVERIFY(!s.documents.isEmpty());
        for (const Detect::Document &d : s.documents) {
            const QString diff = tokenizationDifference(d.text);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            // Each line of it too, and each with its ASCII punctuation in typographic form.
            for (const QString &line : d.text.split(u'\n')) {
                QString typographic = line;
                typographic.replace(u"'"_s, u"\u2019"_s).replace(u" \""_s, u" \u201C"_s).replace(u"\""_s, u"\u201D"_s);
                const QString a = tokenizationDifference(line);
                QVERIFY2(a.isEmpty(), qPrintable(a));
                const QString b = tokenizationDifference(typographic);
                QVERIFY2(b.isEmpty(), qPrintable(b));
            }
        }
    }

    // Passage keys skip NFKC and full case folding for text that cannot need them; the result
    // must be what the full treatment gives, or stored rejections would stop matching.
    void passageTextShortcutAgrees()
    {
        auto reference = [](const QString &text) {
            const QString s = QuoteFinder::normalized(text.normalized(QString::NormalizationForm_KC)).toCaseFolded();
            auto trimmable = [](QChar c) { return c.isSpace() || c.isPunct(); };
            qsizetype a = 0;
            qsizetype b = s.size();
            while (a < b && trimmable(s.at(a)))
                ++a;
            while (b > a && trimmable(s.at(b - 1)))
                --b;
            return s.mid(a, b - a);
        };
        for (quint64 seed = 1; seed <= 5000; ++seed) {
            const QString text = boundaryText(seed);
            QCOMPARE(Detect::normalisedPassageText(text), reference(text));
        }
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
        QTest::newRow("count-in-words")
            << u"Fourteen fishing boats were damaged in the harbour storm, the coastguard said."_s
            << u"The coastguard said 14 fishing boats were damaged when the storm hit the harbour."_s << u"figure"_s;
        QTest::newRow("tens-in-words")
            << u"Twenty-five lorries a day will cross the harbour bridge once it reopens, the council said."_s
            << u"Once the harbour bridge reopens, 25 lorries a day will cross it, the council said."_s << u"figure"_s;
        QTest::newRow("millions-in-words")
            << u"The harbour bridge repairs will cost three million dollars, the council said."_s
            << u"The council said repairs to the harbour bridge would cost $3 million."_s << u"figure"_s;
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

    // What readers check by hand across outlets: one quote in curly, straight and single marks,
    // split by its attribution in one outlet and whole in another; one amount and one percentage
    // written three ways; and an unrelated article with the same percentage and common phrases,
    // which must stay out.
    void quotesAndFiguresAcrossOutlets()
    {
        const QList<Detect::Document> docs = {
            {1,
             u"The harbour operator will take the software maker to court, its chief executive said on Tuesday.\n\n"
             "\u201CWe are going to sue them, no question about it,\u201D Dana Whitfield said. \u201CTraining on our "
             "records without paying is simply illegal.\u201D\n\n"
             "The operator paid $1.5 billion for the port concession in 2019 and handles 42% of the region's "
             "freight."_s,
             {}},
            {2,
             u"Dana Whitfield, who runs the port operator, said on Tuesday: \"We are going to sue them, no question "
             "about it. Training on our records without paying is simply illegal.\"\n\n"
             "The company, which paid 1.5 billion dollars for the port concession in 2019, moves 42 per cent of the "
             "region's freight."_s,
             {}},
            {3,
             u"\u2018We are going to sue them, no question about it,\u2019 Whitfield told reporters, adding that "
             "\u2018training on our records without paying is simply illegal\u2019.\n\n"
             "Bought for $1,500,000,000 in 2019, the concession covers a port that carries 42 percent of the "
             "region's freight."_s,
             {}},
            {4,
             u"The annual garden show opened on Tuesday with 42% more exhibitors than last year, organisers said. "
             "\"We are going to make this the best show yet,\" the organiser said. Tickets cost $15 and the show "
             "runs until Sunday, no question about it."_s,
             {}},
        };
        const QList<Detect::Suggestion> found = detect(docs);
        auto articlesOf = [](const Detect::Suggestion &s) {
            QSet<qint64> ids;
            for (const Detect::Passage &p : s.passages)
                ids.insert(p.articleId);
            return ids;
        };
        auto groupWith = [&](const QString &text, Detect::Kind kind) {
            for (const Detect::Suggestion &s : found) {
                if (s.kind != kind)
                    continue;
                for (const Detect::Passage &p : s.passages) {
                    const QString &body = docs.at(p.articleId - 1).text;
                    if (body.mid(p.start, p.end - p.start).contains(text, Qt::CaseInsensitive))
                        return articlesOf(s);
                }
            }
            return QSet<qint64>();
        };
        const QSet<qint64> outlets = {1, 2, 3};
        QCOMPARE(groupWith(u"sue them, no question"_s, Detect::Kind::Quote), outlets);
        QCOMPARE(groupWith(u"simply illegal"_s, Detect::Kind::Quote), outlets);
        QCOMPARE(groupWith(u"1.5 billion"_s, Detect::Kind::Figure), outlets);
        QCOMPARE(groupWith(u"42"_s, Detect::Kind::Figure), outlets);
        for (const Detect::Suggestion &s : found)
            QVERIFY2(!articlesOf(s).contains(4), qPrintable(s.label));
    }

    void sameNumberElsewhereIsNotAFigure()
    {
        const QList<Detect::Suggestion> s
            = detect({{1, u"The tier will cost $42,000 for large enterprise customers, the filing shows."_s, {}},
                      {2, u"A vintage tractor sold at auction for $42,000 to a collector from the valley."_s, {}}});
        QVERIFY(s.isEmpty());
    }

    // Wire copy: several outlets print the same short paragraph, and it reports figures. It is
    // in more than half of the articles and a whole short paragraph, like site furniture, but
    // an amount or a date makes it a claim; a shared footer without one is still furniture.
    void wireParagraphWithFiguresIsNotFurniture()
    {
        const QString wire = u"The bridge will cost an estimated 640 million dollars and should carry 48,000 vehicles "
                             "a day when it opens in 2031."_s;
        const QString footer = u"Subscribe to our weekly digest for more stories like this one."_s;
        const QList<Detect::Document> docs = {
            {1,
             u"Engineers unveiled the final design for the river crossing on Monday.\n"_s + wire
                 + u"\nResidents of the north bank have waited decades for a fixed link.\n"_s + footer,
             {}},
            {2,
             u"The long-promised river crossing moved a step closer this week.\n"_s + wire
                 + u"\nCritics questioned whether the toll would be affordable for commuters.\n"_s + footer,
             {}},
            {3,
             u"A design for the new crossing was approved by the transport board.\n"_s + wire
                 + u"\nThe ferry service will continue until the opening.\n"_s + footer,
             {}},
            {4,
             u"The museum reopened its east wing after a two-year renovation.\nVisitors can again see the "
             "collection of maritime paintings, along with a new room for children.\n"_s
                 + footer,
             {}},
        };
        const QList<Detect::Suggestion> suggestions = detect(docs);
        auto covering = [&](const QString &text) {
            int n = 0;
            for (const Detect::Suggestion &s : suggestions) {
                QSet<qint64> articles;
                for (const Detect::Passage &p : s.passages) {
                    const QString &body = docs.at(p.articleId - 1).text;
                    const int at = int(body.indexOf(text));
                    if (at >= 0 && p.start < at + text.size() && at < p.end)
                        articles.insert(p.articleId);
                }
                n = std::max(n, int(articles.size()));
            }
            return n;
        };
        QCOMPARE(covering(wire), 3);
        QCOMPARE(covering(footer), 0);
    }

    // Articles of one story (they share a quotation) report the same count in their own words:
    // the clauses share a few words but little of the rest. An unrelated article with the same
    // number stays out.
    void figureInOtherWordsWithinOneStory()
    {
        const QString quote = u"\"This is the worst storm we have seen in a generation,\" the governor said."_s;
        const QList<Detect::Document> docs = {
            {1,
             u"A powerful storm swept across the southern coast on Sunday, cutting electricity to 120,000 homes "
             "and forcing the closure of two airports.\n"_s
                 + quote,
             {}},
            {2,
             u"Around 120,000 households lost power on Sunday as a violent storm hit the coast, officials said.\n"_s
                 + quote,
             {}},
            {3,
             u"The storm left 120,000 homes without electricity at its peak.\nCrews worked through the night.\n"_s
                 + quote,
             {}},
            {4,
             u"About 120,000 residents live within a short bus ride of the new sports centre, which opens on "
             "Sunday with two pools and a climbing wall.\n"_s,
             {}},
        };
        const QList<Detect::Suggestion> suggestions = detect(docs);
        QSet<qint64> withFigure;
        for (const Detect::Suggestion &s : suggestions) {
            if (s.kind != Detect::Kind::Figure)
                continue;
            for (const Detect::Passage &p : s.passages) {
                if (docs.at(p.articleId - 1).text.mid(p.start, p.end - p.start).contains(u"120,000"_s))
                    withFigure.insert(p.articleId);
            }
        }
        QCOMPARE(withFigure, (QSet<qint64>{1, 2, 3}));
    }

    // A quotation of a few common words is found inside a longer quotation of an unrelated
    // article; it is a shared quote only as a quotation of its own there, or between articles of
    // one story.
    void shortQuoteNeedsItsStory()
    {
        const QList<Detect::Document> docs = {
            {1,
             u"\"This offer is an insult to every worker who kept the lines running through the winter,\" "
             "union president Dana Kerr told a rally. \"We are not going anywhere.\""_s,
             {}},
            {2,
             u"Union president Dana Kerr called the offer \"an insult to every worker who kept the lines running "
             "through the winter.\" The vote is next week."_s,
             {}},
            {3,
             u"The orchestra will open its season with film music. \"We are not going anywhere near the old "
             "repertoire this year,\" the director joked."_s,
             {}},
            {4, u"The choir's spokesperson only said: \"We are not going anywhere.\" Rehearsals go on."_s, {}},
        };
        const QList<Detect::Suggestion> suggestions = detect(docs);
        auto together = [&](qint64 a, qint64 b) {
            for (const Detect::Suggestion &s : suggestions) {
                bool hasA = false, hasB = false;
                for (const Detect::Passage &p : s.passages) {
                    hasA = hasA || p.articleId == a;
                    hasB = hasB || p.articleId == b;
                }
                if (hasA && hasB)
                    return true;
            }
            return false;
        };
        QVERIFY(together(1, 2)); // one story, a long quote
        QVERIFY(!together(1, 3)); // the start of someone else's longer quotation
        QVERIFY(together(1, 4)); // the same short quotation, whole, in both
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
    }

    // A rejected group that a new article joins gets a new key; the passages the reader rejected
    // stay rejected all the same, across restarts, and come back when the rejection is undone.
    void rejectionOutlivesAGrowingGroup()
    {
        const QString ferry
            = u"\"Ferry tickets will double in price for every commuter next season,\" the operator warned."_s;
        const QList<Detect::Document> first = {
            {1, u"The tier will cost $42,000 for large enterprise customers, the filing shows."_s, {}},
            {2, u"Large enterprise customers must pay 42,000 dollars for the tier, per the filing."_s, {}},
            {6, u"An unrelated note about gardening in spring and summer."_s, {}},
        };
        const QList<Detect::Document> later = {
            {3, u"According to the filing, large enterprise customers will pay $42k for that tier."_s, {}},
            {4, u"Commuters heard other news as well. "_s + ferry + u" Nobody expected it."_s, {}},
            {5, u"The ferry company published its prices. "_s + ferry + u" Protests are planned."_s, {}},
        };
        auto containing = [](const QList<Detect::Suggestion> &list, qint64 article, const QString &label) {
            for (const Detect::Suggestion &s : list) {
                if (s.label.contains(label)
                    && std::any_of(s.passages.begin(), s.passages.end(),
                                   [&](const Detect::Passage &p) { return p.articleId == article; }))
                    return s;
            }
            return Detect::Suggestion();
        };

        Detect::Engine engine;
        engine.add(first);
        const QList<Detect::Suggestion> before = engine.detect().value_or(QList<Detect::Suggestion>());
        const Detect::Suggestion rejectedOne = containing(before, 1, u"42"_s);
        QVERIFY(!rejectedOne.key.isEmpty());
        QCOMPARE(rejectedOne.passageKeys.size(), rejectedOne.passages.size());

        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.parallax"_s);
        {
            QString error;
            auto ws = Workspace::open(path, &error);
            QVERIFY2(ws, qPrintable(error));
            QVERIFY(Detect::RejectedSuggestions(ws.get()).reject(rejectedOne));
        }
        engine.add(later);
        const QList<Detect::Suggestion> after = engine.detect().value_or(QList<Detect::Suggestion>());
        const Detect::Suggestion grown = containing(after, 3, u"42"_s);
        QVERIFY(!grown.key.isEmpty());
        QVERIFY(grown.passages.size() > rejectedOne.passages.size());
        QVERIFY(grown.key != rejectedOne.key); // the key alone would offer it again

        QString error;
        auto ws = Workspace::open(path, &error); // after a restart
        QVERIFY2(ws, qPrintable(error));
        Detect::RejectedSuggestions rejected(ws.get());
        QVERIFY(!rejected.isRejected(grown.key));
        QList<Detect::Suggestion> shown = rejected.withoutRejected(after);
        QVERIFY(containing(shown, 3, u"42"_s).key.isEmpty());
        QVERIFY(containing(shown, 1, u"42"_s).key.isEmpty());
        QVERIFY(!containing(shown, 4, u"Ferry tickets"_s).key.isEmpty()); // other groups stay

        QVERIFY(rejected.restore(rejectedOne.key));
        QVERIFY(rejected.passageKeys().isEmpty());
        shown = rejected.withoutRejected(after);
        QCOMPARE(containing(shown, 3, u"42"_s).key, grown.key);
    }

    // What is left of a group once its rejected passages are taken out.
    void withoutRejectedPassages()
    {
        Detect::Suggestion s;
        s.kind = Detect::Kind::Quote;
        s.key = "group";
        for (qint64 article = 1; article <= 4; ++article) {
            s.passages.append({article, 10, 40});
            s.passageKeys.append(Detect::passageKey(s.kind, u"passage %1"_s.arg(article)));
        }
        QCOMPARE(Detect::withoutPassages(s, {})->key, s.key);
        QCOMPARE(Detect::withoutPassages(s, {"unrelated"})->key, s.key);
        const std::optional<Detect::Suggestion> rest
            = Detect::withoutPassages(s, {s.passageKeys.at(0), s.passageKeys.at(1)});
        QVERIFY(rest.has_value());
        QCOMPARE(rest->passages, (QList<Detect::Passage>{s.passages.at(2), s.passages.at(3)}));
        QVERIFY(rest->key != s.key);
        QVERIFY(!Detect::withoutPassages(s, {s.passageKeys.at(0), s.passageKeys.at(1), s.passageKeys.at(2)}));
        // Quote and sentence passages of one text are one passage; a figure's is another.
        QCOMPARE(Detect::passageKey(Detect::Kind::Quote, u"\u201CA b c.\u201D"_s),
                 Detect::passageKey(Detect::Kind::Sentence, u"\"a b c\""_s));
        QVERIFY(Detect::passageKey(Detect::Kind::Figure, u"a b c"_s)
                != Detect::passageKey(Detect::Kind::Sentence, u"a b c"_s));
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
