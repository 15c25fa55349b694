// Annotated PDF export against plain printing of the same pages (QPdfWriter, same layout, no
// annotations): the export's cost over printing, and milliseconds per page, as BENCH lines
// (details on stderr). Not a test: timings on shared machines are noisy, so it takes medians.
//   bench/run export-pdf, or bench_pdfexport [ARTICLES] [RUNS]
#include "export/pdfexport.h"
#include "generatedstory.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int articles = argc > 1 ? std::max(1, atoi(argv[1])) : 50;
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("bench.parallax")), &error);
    if (!ws || !GeneratedStory::fill(*ws, articles, 125, 10, 20, &error)) {
        std::fprintf(stderr, "bench_pdfexport: %s\n", qPrintable(error));
        return 1;
    }
    const AnnotationStore store(ws.get());
    const Export::Snapshot snapshot = Export::Snapshot::read(*ws, store);
    const QString path = dir.filePath(QStringLiteral("out.pdf"));

    QList<double> plain, annotated;
    for (int i = 0; i < runs; ++i) {
        for (bool annotate : {false, true}) {
            QElapsedTimer t;
            t.start();
            const Export::Result r = Export::writePdf(snapshot, path, {QStringLiteral("Bench"), annotate});
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (!r.ok()) {
                std::fprintf(stderr, "bench_pdfexport: %s\n", qPrintable(r.error));
                return 1;
            }
            (annotate ? annotated : plain).append(ms);
        }
    }
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {path});
    info.waitForFinished();
    int pages = 0;
    for (const QByteArray &line : info.readAllStandardOutput().split('\n')) {
        if (line.startsWith("Pages:"))
            pages = line.mid(6).trimmed().toInt();
    }
    const double p = median(plain), a = median(annotated);
    std::fprintf(stderr, "pages %d, highlights %lld, runs %d\n", pages, qlonglong(snapshot.highlights.size()), runs);
    std::fprintf(stderr, "plain printing  %8.1f ms  %6.2f ms/page\n", p, pages ? p / pages : 0.0);
    std::fprintf(stderr, "annotated export%8.1f ms  %6.2f ms/page\n", a, pages ? a / pages : 0.0);
    if (!pages) {
        std::fprintf(stderr, "bench_pdfexport: pdfinfo could not count the pages of %s\n", qPrintable(path));
        return 1;
    }
    const double ratio = a / p;
    std::printf("BENCH export-pdf value=%.3fms baseline=%.3fms ratio=%.3f target=1.20 %s\n", a, p, ratio,
                ratio <= 1.2 ? "PASS" : "MISS");
    // A bare figure: the annotated export's milliseconds per page, against a bound of 50.
    const double perPage = a / pages;
    std::printf("BENCH export-ms-per-page value=%.3fms baseline=- ratio=%.3f target=50 %s\n", perPage, perPage,
                perPage <= 50 ? "PASS" : "MISS");
    return 0;
}
