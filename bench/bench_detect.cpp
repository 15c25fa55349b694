// Detection benchmark (not a test: timings on shared machines are noise to a test suite).
//
//   bench_detect                 corpora of 100, 1,000 and 10,000 articles of ~5 KB: time to
//                                index and detect, and t(2N)/t(N) from extra runs at 2N
//   bench_detect --sizes 100,200 other sizes
//   bench_detect --once N        one run over N articles, for callgrind:
//     valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*Engine::add*'
//              --toggle-collect='*Engine::detect*' bench_detect --once 200
//     then instructions per byte = Ir / the bytes it prints.
#include "syntheticcorpus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>

namespace {

Synthetic::Corpus corpusOf(int articles)
{
    Synthetic::Shape shape;
    shape.articlesPerStory = 5;
    shape.stories = std::max(1, articles / (shape.articlesPerStory + 1));
    shape.articleBytes = 5000;
    shape.seed = 42;
    return Synthetic::generate(shape);
}

struct Timing {
    double indexSeconds = 0;
    double detectSeconds = 0;
    int suggestions = 0;
    double total() const { return indexSeconds + detectSeconds; }
};

Timing run(const Synthetic::Corpus &corpus)
{
    Timing t;
    Detect::Engine engine;
    QElapsedTimer timer;
    timer.start();
    engine.add(corpus.documents);
    t.indexSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    t.suggestions = int(engine.detect().value_or(QList<Detect::Suggestion>()).size());
    t.detectSeconds = double(timer.nsecsElapsed()) / 1e9;
    return t;
}

// The best of a few runs: the least disturbed by whatever else the machine does.
Timing best(const Synthetic::Corpus &corpus, int repeats)
{
    Timing b = run(corpus);
    for (int i = 1; i < repeats; ++i) {
        const Timing t = run(corpus);
        if (t.total() < b.total())
            b = t;
    }
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (const qsizetype once = args.indexOf(QStringLiteral("--once")); once > 0 && once + 1 < args.size()) {
        const Synthetic::Corpus corpus = corpusOf(args.at(once + 1).toInt());
        const Timing t = run(corpus);
        std::printf("articles %lld bytes %lld suggestions %d seconds %.3f\n", qint64(corpus.documents.size()),
                    corpus.bytes, t.suggestions, t.total());
        return 0;
    }
    QList<int> sizes = {100, 1000, 10000};
    if (const qsizetype s = args.indexOf(QStringLiteral("--sizes")); s > 0 && s + 1 < args.size()) {
        sizes.clear();
        for (const QString &n : args.at(s + 1).split(u','))
            sizes << n.toInt();
    }
    std::printf("%9s %10s %9s %9s %9s %8s %9s %11s\n", "articles", "MB", "index s", "detect s", "total s", "MB/s",
                "t(2N)/t(N)", "suggestions");
    for (int n : std::as_const(sizes)) {
        const Synthetic::Corpus corpus = corpusOf(n);
        const Synthetic::Corpus doubled = corpusOf(2 * n);
        const int repeats = n <= 1000 ? 3 : 1;
        const Timing t = best(corpus, repeats);
        const Timing t2 = best(doubled, repeats);
        std::printf("%9lld %10.1f %9.3f %9.3f %9.3f %8.1f %9.2f %11d\n", qint64(corpus.documents.size()),
                    double(corpus.bytes) / 1e6, t.indexSeconds, t.detectSeconds, t.total(),
                    double(corpus.bytes) / 1e6 / t.total(), t2.total() / t.total(), t.suggestions);
        std::fflush(stdout);
    }
    return 0;
}
