// The crash harness: a child process annotates a workspace at random through the Annotator and
// reports each acknowledged operation; this test kills it with SIGKILL at random moments, reopens
// the file and checks that every acknowledged operation is there and the file is sound.
// PARALLAX_CRASH_KILLS sets the number of kills (100 by default; the long run uses 1000 or more).
#include "annotationstore.h"
#include "workspace.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct State {
    QSet<qint64> highlights;
    QSet<qint64> removed; // acknowledged removals
    QHash<qint64, std::pair<QString, qint64>> claims; // id → title, status
    QSet<std::pair<qint64, qint64>> appearances;
};

State read(AnnotationStore &store)
{
    State s;
    for (const Highlight &h : store.allHighlights())
        s.highlights.insert(h.id);
    for (const Claim &c : store.claims())
        s.claims.insert(c.id, {c.title, c.statusTag});
    for (const Appearance &a : store.allAppearances())
        s.appearances.insert({a.highlightId, a.claimId});
    return s;
}
} // namespace

class CrashTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("crash.parallax"));
        QString error;
        auto ws = Workspace::open(m_path, &error);
        QVERIFY2(ws, qPrintable(error));
        QList<ArticleDraft> drafts;
        for (int i = 0; i < 3; ++i) {
            ArticleDraft d;
            d.headline = QStringLiteral("Article %1").arg(i);
            QStringList paragraphs;
            for (int p = 0; p < 12; ++p)
                paragraphs << QStringLiteral("Paragraph %1 of article %2 says the council will vote on the "
                                             "harbour plan, officials said on Monday.")
                                  .arg(p)
                                  .arg(i);
            d.body = paragraphs.join(QLatin1Char('\n'));
            d.original = d.body.toUtf8();
            drafts << d;
        }
        for (const auto &r : ws->addArticles(drafts))
            QVERIFY(r.ok());
    }

    void killsLoseNothingAcknowledged()
    {
        const int kills = qEnvironmentVariableIntValue("PARALLAX_CRASH_KILLS") > 0
            ? qEnvironmentVariableIntValue("PARALLAX_CRASH_KILLS")
            : 100;
        QRandomGenerator rng(20261124);
        int acknowledged = 0;
        for (int round = 0; round < kills; ++round) {
            State expected;
            {
                QString error;
                auto ws = Workspace::open(m_path, &error);
                QVERIFY2(ws, qPrintable(error));
                AnnotationStore store(ws.get());
                expected = read(store);
            }
            QProcess child;
            child.start(QStringLiteral(PARALLAX_CRASH_CHILD), {m_path, QString::number(round + 1)});
            QVERIFY(child.waitForStarted());
            QByteArray output;
            // Let it work for a random while: from nothing at all to a few dozen operations.
            const int acksWanted = rng.bounded(40);
            QElapsedTimer timer;
            timer.start();
            while (output.count("ACK") < acksWanted && timer.elapsed() < 5000) {
                child.waitForReadyRead(50);
                output += child.readAllStandardOutput();
            }
            QTest::qSleep(rng.bounded(3)); // and land anywhere inside the next operation
            child.kill(); // SIGKILL
            child.waitForFinished();
            output += child.readAllStandardOutput();

            QString inflight;
            for (const QByteArray &raw : output.split('\n')) {
                const QStringList f = QString::fromUtf8(raw).split(QLatin1Char(' '));
                if (f.first() == QLatin1String("DO")) {
                    inflight = f.mid(1).join(QLatin1Char(' '));
                    continue;
                }
                if (f.first() != QLatin1String("ACK"))
                    continue;
                inflight.clear();
                ++acknowledged;
                const QString op = f.value(1);
                if (op == QLatin1String("highlight") && f.value(2).toLongLong() > 0) {
                    expected.highlights.insert(f.value(2).toLongLong());
                } else if (op == QLatin1String("newclaim") && f.value(3).toLongLong() > 0) {
                    const qint64 h = f.value(2).toLongLong(), c = f.value(3).toLongLong();
                    expected.highlights.insert(h);
                    expected.claims.insert(c, {f.mid(4).join(QLatin1Char(' ')), 0});
                    expected.appearances.insert({h, c});
                } else if (op == QLatin1String("link") && f.value(4) == QLatin1String("1")) {
                    expected.appearances.insert({f.value(2).toLongLong(), f.value(3).toLongLong()});
                } else if (op == QLatin1String("status") && f.value(4) == QLatin1String("1")) {
                    expected.claims[f.value(2).toLongLong()].second = f.value(3).toLongLong();
                } else if (op == QLatin1String("rename") && f.value(3) == QLatin1String("1")) {
                    expected.claims[f.value(2).toLongLong()].first = f.mid(4).join(QLatin1Char(' '));
                } else if (op == QLatin1String("remove") && f.value(3) == QLatin1String("1")) {
                    const qint64 h = f.value(2).toLongLong();
                    expected.highlights.remove(h);
                    expected.removed.insert(h);
                    for (auto it = expected.appearances.begin(); it != expected.appearances.end();)
                        it = it->first == h ? expected.appearances.erase(it) : std::next(it);
                }
            }

            // Reopen as the app would and compare, allowing only the operation that was under
            // way when the process died to have happened or not.
            QString error;
            auto ws = Workspace::open(m_path, &error);
            QVERIFY2(ws, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(error)));
            {
                QSqlQuery q(QSqlDatabase::database(ws->connectionName()));
                QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            }
            AnnotationStore store(ws.get());
            const State actual = read(store);
            const QStringList in = inflight.split(QLatin1Char(' '));
            auto inflightIs = [&](const char *op, qint64 id) {
                return in.value(0) == QLatin1String(op) && in.value(1).toLongLong() == id;
            };
            const QString where = QStringLiteral("round %1, in flight: '%2'").arg(round).arg(inflight);
            for (qint64 h : std::as_const(expected.highlights))
                QVERIFY2(actual.highlights.contains(h) || inflightIs("remove", h),
                         qPrintable(QStringLiteral("highlight %1 lost; %2").arg(h).arg(where)));
            for (qint64 h : std::as_const(expected.removed))
                QVERIFY2(!actual.highlights.contains(h),
                         qPrintable(QStringLiteral("highlight %1 back; %2").arg(h).arg(where)));
            for (auto it = expected.claims.cbegin(); it != expected.claims.cend(); ++it) {
                QVERIFY2(actual.claims.contains(it.key()),
                         qPrintable(QStringLiteral("claim %1 lost; %2").arg(it.key()).arg(where)));
                if (!inflightIs("rename", it.key()))
                    QCOMPARE(actual.claims.value(it.key()).first, it.value().first);
                if (!inflightIs("status", it.key()))
                    QCOMPARE(actual.claims.value(it.key()).second, it.value().second);
            }
            for (const auto &a : std::as_const(expected.appearances))
                QVERIFY2(actual.appearances.contains(a) || inflightIs("remove", a.first),
                         qPrintable(QStringLiteral("appearance %1→%2 lost; %3").arg(a.first).arg(a.second).arg(where)));
        }
        qInfo("%d kills, %d acknowledged operations checked", kills, acknowledged);
        QVERIFY(acknowledged > kills); // the harness really exercised the workspace
    }
};

QTEST_GUILESS_MAIN(CrashTest)
#include "tst_crash.moc"
