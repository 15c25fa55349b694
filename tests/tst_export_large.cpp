// A PDF export of a thousand pages, checked page by page rather than assumed.
#include "export/pdfexport.h"
#include "generatedstory.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class ExportLargeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thousandPages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        auto ws = Workspace::open(dir.filePath(u"large.parallax"_s), &error);
        QVERIFY2(ws, qPrintable(error));
        constexpr int Articles = 50;
        QVERIFY2(GeneratedStory::fill(*ws, Articles, 125, 10, 20, &error), qPrintable(error));
        const AnnotationStore store(ws.get());
        const Export::Snapshot snapshot = Export::Snapshot::read(*ws, store);

        QElapsedTimer timer;
        timer.start();
        const QString pdf = dir.filePath(u"large.pdf"_s);
        int reports = 0;
        const Export::Result result = Export::writePdf(snapshot, pdf, {u"Reader"_s}, [&](int, int) {
            ++reports;
            return true;
        });
        QVERIFY2(result.ok(), qPrintable(result.error));
        qInfo("export: %lld ms", timer.restart());
        QVERIFY(reports >= Articles);

        QProcess check;
        check.start(u"qpdf"_s, {u"--check"_s, pdf});
        QVERIFY(check.waitForFinished(120000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());

        // Every page is there, in order: pdftotext separates pages with a form feed, and each page
        // carries its number on a line of its own (the last one, but for table pages, whose cells
        // pdftotext may put after it).
        QProcess text;
        text.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
        QVERIFY(text.waitForFinished(300000));
        QCOMPARE(text.exitCode(), 0);
        QStringList pages = QString::fromUtf8(text.readAllStandardOutput()).split(u'\f');
        if (pages.last().trimmed().isEmpty())
            pages.removeLast();
        QVERIFY2(pages.size() >= 1000, qPrintable(QString::number(pages.size())));
        for (qsizetype i = 0; i < pages.size(); ++i) {
            QStringList lines = pages.at(i).trimmed().split(u'\n');
            for (QString &line : lines)
                line = line.trimmed();
            QVERIFY2(lines.size() > 3, qPrintable(u"page %1 is empty"_s.arg(i + 1)));
            QVERIFY2(lines.contains(QString::number(i + 1)), qPrintable(u"page %1 has no number"_s.arg(i + 1)));
        }
        const QString all = pages.join(u' ');
        for (const Export::ArticleData &a : snapshot.articles)
            QVERIFY2(all.contains(a.summary.headline), qPrintable(a.summary.headline));
        qInfo("%lld pages checked: %lld ms", qlonglong(pages.size()), timer.restart());

        // Every highlight is annotated: qpdf's JSON lists each annotation's /NM.
        QProcess json;
        json.start(u"qpdf"_s, {u"--json"_s, u"--json-key=qpdf"_s, pdf});
        QVERIFY(json.waitForFinished(300000));
        const QString dump = QString::fromUtf8(json.readAllStandardOutput());
        QSet<QString> annotated;
        const QRegularExpression name(u"u:parallax-highlight-(\\d+)-p\\d+"_s);
        for (auto it = name.globalMatch(dump); it.hasNext();)
            annotated.insert(it.next().captured(1));
        QCOMPARE(annotated.size(), snapshot.highlights.size());
        QCOMPARE(dump.count(u"\"/Subtype\": \"/Highlight\""_s) >= snapshot.highlights.size(), true);
    }
};

QTEST_MAIN(ExportLargeTest)
#include "tst_export_large.moc"
