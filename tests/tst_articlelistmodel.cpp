// The article list model: exact row changes as the workspace changes, checked by Qt's model tester.
#include "articlelistmodel.h"
#include "roles.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class ArticleListModelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    int m_counter = 0;

    static ArticleDraft draft(const QString &headline, const QString &outlet)
    {
        ArticleDraft d;
        d.headline = headline;
        d.body = QStringLiteral("Body of ") + headline;
        d.outlet = outlet;
        d.published = QStringLiteral("2024-05-06");
        d.sourceName = headline + QStringLiteral(".txt");
        d.format = QStringLiteral("text");
        d.original = (headline + outlet).toUtf8();
        return d;
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        m_ws = Workspace::open(m_dir.filePath(QStringLiteral("model-%1.parallax").arg(++m_counter)), &error);
        QVERIFY2(m_ws, qPrintable(error));
        m_ws->addArticles({draft(QStringLiteral("First"), QStringLiteral("Coast Courier")),
                           draft(QStringLiteral("Second"), QStringLiteral("Bay Daily"))});
    }

    void cleanup() { m_ws.reset(); }

    void exposesArticles()
    {
        ArticleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(Roles::HeadlineRole).toString(), QStringLiteral("First"));
        QCOMPARE(first.data(Roles::OutletRole).toString(), QStringLiteral("Coast Courier"));
        QCOMPARE(first.data(Roles::PublishedRole).toString(), QStringLiteral("2024-05-06"));
        QCOMPARE(first.data(Roles::SourceNameRole).toString(), QStringLiteral("First.txt"));
        QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("Coast Courier — First"));
        QCOMPARE(first.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QVERIFY(model.flags(first) & Qt::ItemIsUserCheckable);
        QCOMPARE(model.rowOf(first.data(Roles::ArticleIdRole).toLongLong()), 0);
        QCOMPARE(model.index(1).data(Roles::HeadlineRole).toString(), QStringLiteral("Second"));
    }

    void importsInsertRowsAtTheEnd()
    {
        ArticleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_ws->addArticles({draft(QStringLiteral("Third"), QStringLiteral("Harbour Times")),
                           draft(QStringLiteral("Fourth"), QStringLiteral("Pier Post"))});
        QCOMPARE(aboutToInsert.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(inserted.first().at(2).toInt(), 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3).data(Roles::HeadlineRole).toString(), QStringLiteral("Fourth"));
    }

    void checkingShowsAndHidesOneRow()
    {
        ArticleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex second = model.index(1);
        QVERIFY(model.setData(second, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), second);
        QCOMPARE(changed.first().at(1).toModelIndex(), second);
        QCOMPARE(second.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QCOMPARE(second.data(Roles::ShownRole).toBool(), false);
        // Stored in the workspace, not only in the model.
        QVERIFY(!m_ws->article(second.data(Roles::ArticleIdRole).toLongLong())->shown);
        // Setting the same state again changes nothing.
        QVERIFY(model.setData(second, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(changed.count(), 1);
        QVERIFY(model.setData(second, true, Roles::ShownRole));
        QCOMPARE(changed.count(), 2);
        QVERIFY(!model.setData(second, QStringLiteral("x"), Qt::EditRole)); // headlines are not edited here
    }

    void switchingWorkspacesResets()
    {
        ArticleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWorkspace(m_ws.get());
        QString error;
        auto other = Workspace::open(m_dir.filePath(QStringLiteral("other-%1.parallax").arg(m_counter)), &error);
        QVERIFY(other);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setWorkspace(other.get());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        // The old workspace no longer reaches the model.
        m_ws->addArticles({draft(QStringLiteral("Late"), QStringLiteral("Gone"))});
        QCOMPARE(model.rowCount(), 0);
        other->addArticles({draft(QStringLiteral("New"), QStringLiteral("Here"))});
        QCOMPARE(model.rowCount(), 1);
        model.setWorkspace(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(ArticleListModelTest)
#include "tst_articlelistmodel.moc"
