// File > Export and File > Import Annotations in the window: the actions are there, an export runs
// in the background and lands whole, an import is one undo step.
#include "annotationstore.h"
#include "annotator.h"
#include "exportcontroller.h"
#include "mainwindow.h"
#include "samplestory.h"
#include "testutil.h"
#include "workspace.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;

class ExportGuiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exportAndImport()
    {
        QTemporaryDir dir;
        QString error;
        const QString path = dir.filePath(u"story.parallax"_s);
        QVERIFY2(SampleStory::create(path, &error), qPrintable(error));
        MainWindow window;
        QVERIFY(window.openWorkspace(path));
        for (const char *name :
             {"exportPdf", "exportMarkdown", "exportCsv", "exportWebAnnotations", "importAnnotations"})
            QVERIFY2(window.findChild<QAction *>(QLatin1String(name)), name);
        QVERIFY(window.findChild<QMenu *>(u"exportMenu"_s));

        Annotator *annotator = window.annotator();
        const qint64 article = window.workspace()->articles().first().id;
        QVERIFY(annotator->highlightAndLink(article, 0, 20, 0, u"First words"_s).ok());

        auto *controller = window.findChild<ExportController *>();
        QVERIFY(controller);
        QSignalSpy finished(controller, &ExportController::finished);
        const QString pdf = dir.filePath(u"story.pdf"_s);
        controller->exportTo(ExportController::Form::Pdf, pdf);
        QVERIFY(controller->busy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(TestUtil::readFile(pdf).startsWith("%PDF-"));

        const QString jsonld = dir.filePath(u"story.jsonld"_s);
        controller->exportTo(ExportController::Form::WebAnnotations, jsonld);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.last().first().toBool(), true);

        // Back into a fresh copy of the story, in the window.
        const QString copy = dir.filePath(u"copy.parallax"_s);
        QVERIFY2(SampleStory::create(copy, &error), qPrintable(error));
        QVERIFY(window.openWorkspace(copy));
        controller->importFrom(jsonld);
        QCOMPARE(finished.size(), 3);
        QCOMPARE(finished.last().first().toBool(), true);
        QVERIFY(window.annotator()->store()->claimByTitle(u"First words"_s));
        QCOMPARE(window.annotator()->undoStack()->count(), 1);
        window.annotator()->undoStack()->undo();
        QVERIFY(window.annotator()->store()->claims().isEmpty());

        // A file that is not annotations: a message, nothing changed.
        const QString broken = dir.filePath(u"broken.jsonld"_s);
        QVERIFY(TestUtil::writeFile(broken, "not json"));
        controller->importFrom(broken);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY(window.annotator()->store()->claims().isEmpty());
    }
};

QTEST_MAIN(ExportGuiTest)
#include "tst_exportgui.moc"
