// Benchmark, not a test: how much reading cues add to the first paint of the five sample
// articles. Builds the five panes side by side, lays them out and grabs the strip, with cues
// off and on, alternating, and prints one BENCH line, cues-first-paint-wall: the medians and
// their ratio (bar 1.10). bench/run counts instructions for the cues-first-paint line itself.
// Details go to stderr.   bench/run cues-first-paint, or bench_readingcues [RUNS]
// For counting instructions under callgrind: bench_readingcues RUNS on|off paints only with cues
// on (or off), RUNS times after the warm-up (--toggle-collect=*measuredPaints*), and
// bench_readingcues RUNS grammar runs only the grammar over the five articles
// (--toggle-collect=*measuredGrammar*).
#include "article.h"
#include "importer.h"
#include "readingcues.h"
#include "readingpane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QPixmap>
#include <QTextStream>

#include <algorithm>

namespace {
struct Article {
    ArticleSummary summary;
    QString body;
};

QList<Article> sampleArticles()
{
    QList<Article> articles;
    const QStringList names = QDir(QStringLiteral(":/sample")).entryList({QStringLiteral("*.txt")}, QDir::Files);
    qint64 id = 0;
    for (const QString &name : names) {
        const Importer::Result r = Importer::importFile(QStringLiteral(":/sample/") + name);
        if (!r.ok())
            continue;
        Article a;
        a.summary.id = ++id;
        a.summary.headline = r.draft.headline;
        a.summary.sourceName = name;
        a.body = r.draft.body;
        articles.append(a);
    }
    return articles;
}

// Milliseconds from nothing to the strip's pixels: panes made, laid out and painted once.
double firstPaint(const QList<Article> &articles, bool cues)
{
    QElapsedTimer timer;
    timer.start();
    QWidget strip;
    auto *layout = new QHBoxLayout(&strip);
    for (const Article &a : articles) {
        auto *pane = new ReadingPane(a.summary, a.body, &strip);
        pane->setReadingCues(cues);
        layout->addWidget(pane);
    }
    strip.resize(5 * 420, 900);
    layout->activate();
    const QPixmap pixels = strip.grab();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    return pixels.isNull() ? -1 : ms;
}

// The paints callgrind counts (--toggle-collect=*measuredPaints*), apart from the warm-up.
Q_NEVER_INLINE void measuredPaints(const QList<Article> &articles, bool cues, int runs)
{
    for (int i = 0; i < runs; ++i)
        firstPaint(articles, cues);
}

// The grammar alone over the five articles (--toggle-collect=*measuredGrammar*).
Q_NEVER_INLINE qsizetype measuredGrammar(const QList<Article> &articles, int runs)
{
    qsizetype cues = 0;
    for (int i = 0; i < runs; ++i) {
        for (const Article &a : articles)
            cues += ReadingCues::cuesIn(a.body).size();
    }
    return cues;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}
} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, QString::fromLocal8Bit(argv[1]).toInt()) : 21;
    const QList<Article> articles = sampleArticles();
    QTextStream out(stderr);
    if (articles.size() != 5) {
        out << "expected the five sample articles, found " << articles.size() << Qt::endl;
        return 1;
    }
    // Warm up: fonts, the repository and its definition load once per process, not per paint.
    ReadingCues::cuesIn(articles.first().body);
    firstPaint(articles, false);
    firstPaint(articles, true);
    if (argc > 2) {
        if (qstrcmp(argv[2], "grammar") == 0) {
            qsizetype chars = 0;
            for (const Article &a : articles)
                chars += a.body.size();
            out << measuredGrammar(articles, runs) / runs << " cues in " << chars << " characters" << Qt::endl;
        } else {
            measuredPaints(articles, qstrcmp(argv[2], "on") == 0, runs);
        }
        return 0;
    }

    QList<double> off, on;
    for (int i = 0; i < runs; ++i) {
        // Alternating, so that drift in a noisy machine falls on both sides.
        if (i % 2) {
            on << firstPaint(articles, true);
            off << firstPaint(articles, false);
        } else {
            off << firstPaint(articles, false);
            on << firstPaint(articles, true);
        }
    }
    QElapsedTimer grammar;
    grammar.start();
    for (const Article &a : articles)
        ReadingCues::cuesIn(a.body);
    const double grammarMs = double(grammar.nsecsElapsed()) / 1e6;
    const double ratio = median(on) / median(off);
    out << "first paint of the five sample panes, median of " << runs << " runs" << Qt::endl;
    out << "  cues off: " << QString::number(median(off), 'f', 2) << " ms" << Qt::endl;
    out << "  cues on:  " << QString::number(median(on), 'f', 2) << " ms" << Qt::endl;
    out << "  (the grammar alone, five articles, no painting: " << QString::number(grammarMs, 'f', 2) << " ms)"
        << Qt::endl;
    QTextStream bench(stdout);
    bench << "BENCH cues-first-paint-wall value=" << QString::number(median(on), 'f', 3)
          << "ms baseline=" << QString::number(median(off), 'f', 3) << "ms ratio=" << QString::number(ratio, 'f', 3)
          << " target=1.10 " << (ratio <= 1.10 ? "PASS" : "MISS") << Qt::endl;
    return 0;
}
