// The coverage matrix model: claims × articles, updated row by row as the reader annotates.
#include "annotator.h"
#include "coveragemodel.h"
#include "roles.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

class CoverageModelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static ArticleDraft draft(const QString &outlet, const QString &body)
    {
        ArticleDraft d;
        d.headline = outlet + QStringLiteral(" story");
        d.body = body;
        d.outlet = outlet;
        d.original = (outlet + body).toUtf8();
        return d;
    }

private Q_SLOTS:
    // While its dock is hidden the model computes nothing; shown, it has what an active model has.
    void inactiveComputesNothingUntilActivated()
    {
        QString error;
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("inactive.parallax")), &error);
        QVERIFY(ws);
        const auto ids
            = ws->addArticles({draft(QStringLiteral("Bay Daily"), QStringLiteral("Fares rise ten percent.")),
                               draft(QStringLiteral("Coast Courier"), QStringLiteral("Fares reportedly rise."))});
        Annotator annotator(ws.get());
        QVERIFY(annotator.highlightAndLink(ids.at(0).id, 0, 22, 0, QStringLiteral("Fares rise")).ok());

        CoverageModel hidden;
        QAbstractItemModelTester tester(&hidden, QAbstractItemModelTester::FailureReportingMode::QtTest);
        hidden.setActive(false);
        hidden.setStore(annotator.store());
        QCOMPARE(hidden.rowCount(), 0);
        QCOMPARE(hidden.coverage().claimCount(), 0);
        QSignalSpy rows(&hidden, &QAbstractItemModel::rowsInserted);
        QVERIFY(annotator.highlightAndLink(ids.at(1).id, 0, 21, 0, QStringLiteral("Reportedly")).ok());
        QCOMPARE(rows.count(), 0);
        QCOMPARE(hidden.rowCount(), 0);

        hidden.setActive(true);
        CoverageModel shown;
        shown.setStore(annotator.store());
        QCOMPARE(hidden.rowCount(), 2);
        QCOMPARE(hidden.columnCount(), shown.columnCount());
        for (int row = 0; row < shown.rowCount(); ++row) {
            for (int column = 0; column < shown.columnCount(); ++column)
                QCOMPARE(hidden.index(row, column).data(), shown.index(row, column).data());
        }
        // Active again, it follows the store row by row.
        QVERIFY(annotator.highlightAndLink(ids.at(1).id, 0, 5, 0, QStringLiteral("Fares")).ok());
        QCOMPARE(rows.count(), 1);
        QCOMPARE(hidden.rowCount(), 3);
    }

    void followsAnnotation()
    {
        QString error;
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("coverage.parallax")), &error);
        QVERIFY(ws);
        const auto ids
            = ws->addArticles({draft(QStringLiteral("Bay Daily"), QStringLiteral("Fares rise ten percent.")),
                               draft(QStringLiteral("Coast Courier"), QStringLiteral("Fares reportedly rise.")),
                               draft(QStringLiteral("Pier Post"), QStringLiteral("Nothing about fares."))});
        Annotator annotator(ws.get());
        CoverageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(annotator.store());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), CoverageModel::FirstArticleColumn + 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Bay Daily"));

        QSignalSpy rows(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto l
            = annotator.highlightAndLink(ids.at(0).id, 0, 22, 0, QStringLiteral("Fares rise"), Wording::Stated);
        QVERIFY(l.ok());
        QCOMPARE(rows.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("F"));
        QCOMPARE(model.index(0, 2).data().toString(), QString());
        QCOMPARE(model.index(0, CoverageModel::ReportsColumn).data().toInt(), 1);
        QVERIFY(model.index(0, 1).data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(!model.index(0, 2).data(Qt::BackgroundRole).isValid());

        changed.clear();
        QVERIFY(annotator.highlightAndLink(ids.at(1).id, 0, 21, l.claimId, {}, Wording::Hedged).ok());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("H"));
        QCOMPARE(model.index(0, 2).data(Roles::HighlightIdRole).toLongLong(),
                 annotator.store()->highlightsOf(ids.at(1).id).first().id);
        QCOMPARE(model.index(0, CoverageModel::ReportsColumn).data().toInt(), 2);
        // A stated claim is tinted more strongly than a hedged one.
        QVERIFY(model.index(0, 1).data(Qt::BackgroundRole).value<QColor>().alphaF()
                > model.index(0, 2).data(Qt::BackgroundRole).value<QColor>().alphaF());

        // A second claim reported once; sorting by the Outlets column puts the wider one first.
        QVERIFY(annotator.highlightAndLink(ids.at(2).id, 0, 7, 0, QStringLiteral("Nothing")).ok());
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(Qt::EditRole);
        sorted.sort(CoverageModel::ReportsColumn, Qt::DescendingOrder);
        QCOMPARE(sorted.headerData(0, Qt::Vertical).toString(), QStringLiteral("Fares rise"));
        sorted.sort(CoverageModel::ReportsColumn, Qt::AscendingOrder);
        QCOMPARE(sorted.headerData(0, Qt::Vertical).toString(), QStringLiteral("Nothing"));

        // Undo removes exactly what it added.
        annotator.undoStack()->undo();
        QCOMPARE(model.rowCount(), 1);
        annotator.undoStack()->undo();
        QCOMPARE(model.index(0, 2).data().toString(), QString());

        // A new article is a new column; nothing is reset.
        QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
        ws->addArticles({draft(QStringLiteral("Harbour Times"), QStringLiteral("Late news."))});
        QCOMPARE(columns.count(), 1);
        QCOMPARE(model.columnCount(), CoverageModel::FirstArticleColumn + 4);
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), QStringLiteral("Harbour Times"));
        QCOMPARE(reset.count(), 0);
        model.setStore(nullptr);
    }
};

QTEST_GUILESS_MAIN(CoverageModelTest)
#include "tst_coveragemodel.moc"
