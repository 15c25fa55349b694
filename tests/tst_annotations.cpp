// Annotation storage and the Annotator: every operation stored and reopened, one undo step per
// intent with the state checked after every undo and redo, and re-anchoring when text shifts.
#include "annotationstore.h"
#include "annotator.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

class AnnotationsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<Annotator> m_annotator;
    qint64 m_a1 = 0, m_a2 = 0;
    int m_counter = 0;

    const QString Body1 = QStringLiteral("The mayor said the bridge will close on Monday.\nFerries will run every ten "
                                         "minutes, officials said.");
    const QString Body2 = QStringLiteral("Officials confirmed that the bridge will close on Monday.\nNo reason was "
                                         "given.");

    AnnotationStore *store() { return m_annotator->store(); }

    void reopen()
    {
        m_annotator.reset();
        m_ws.reset();
        QString error;
        m_ws = Workspace::open(m_path, &error);
        QVERIFY2(m_ws, qPrintable(error));
        m_annotator = std::make_unique<Annotator>(m_ws.get());
    }

    int count(const char *table)
    {
        QSqlQuery q(QSqlDatabase::database(m_ws->connectionName()));
        q.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table));
        return q.next() ? q.value(0).toInt() : -1;
    }

    int at(const QString &body, const QString &part) { return int(body.indexOf(part)); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // where a workspace deleted while open is rescued to
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("annotations-%1.parallax").arg(++m_counter));
        QString error;
        m_ws = Workspace::open(m_path, &error);
        QVERIFY2(m_ws, qPrintable(error));
        ArticleDraft d1;
        d1.headline = QStringLiteral("Bridge to close");
        d1.body = Body1;
        d1.outlet = QStringLiteral("Coast Courier");
        d1.original = Body1.toUtf8();
        ArticleDraft d2 = d1;
        d2.body = Body2;
        d2.outlet = QStringLiteral("Bay Daily");
        d2.original = Body2.toUtf8();
        const auto results = m_ws->addArticles({d1, d2});
        m_a1 = results.at(0).id;
        m_a2 = results.at(1).id;
        m_annotator = std::make_unique<Annotator>(m_ws.get());
    }

    void cleanup()
    {
        m_annotator.reset();
        m_ws.reset();
    }

    // The bulk path: one transaction, one highlightsAdded per batch, all or nothing.
    void addHighlightsInBulk()
    {
        QList<Highlight> rows;
        rows << AnnotationStore::makeHighlight(m_a1, Body1, at(Body1, u"mayor"_s), at(Body1, u"mayor"_s) + 5)
             << AnnotationStore::makeHighlight(m_a2, Body2, at(Body2, u"bridge"_s), at(Body2, u"bridge"_s) + 6)
             << AnnotationStore::makeHighlight(m_a1, Body1, at(Body1, u"Ferries"_s), at(Body1, u"Ferries"_s) + 7);
        QSignalSpy one(store(), &AnnotationStore::highlightAdded);
        QSignalSpy many(store(), &AnnotationStore::highlightsAdded);
        const QList<qint64> ids = store()->addHighlights(rows);
        QCOMPARE(ids.size(), 3);
        QCOMPARE(count("highlights"), 3);
        QCOMPARE(one.count(), 0);
        QCOMPARE(many.count(), 1);
        QCOMPARE(many.first().at(0).value<QList<qint64>>(), (QList<qint64>{m_a1, m_a2}));
        const QList<Highlight> first = store()->highlightsOf(m_a1);
        QCOMPARE(first.size(), 2);
        QCOMPARE(store()->highlight(ids.at(0))->quote, u"mayor"_s);
        QCOMPARE(store()->highlight(ids.at(1))->articleId, m_a2);
        QCOMPARE(store()->highlight(ids.at(2))->prefix, rows.at(2).prefix);
        QVERIFY(store()->highlight(ids.at(2))->created.isValid());

        // A row that cannot be inserted (its id is taken) takes the whole batch with it.
        Highlight taken = rows.at(0);
        taken.id = ids.at(0);
        const QList<Highlight> second{AnnotationStore::makeHighlight(m_a2, Body2, 0, 9), taken};
        many.clear();
        QVERIFY(store()->addHighlights(second).isEmpty());
        QVERIFY(!store()->lastError().isEmpty());
        QCOMPARE(count("highlights"), 3);
        QCOMPARE(many.count(), 0);
        // So does an empty one, with a message, before anything is written.
        QVERIFY(store()->addHighlights({AnnotationStore::makeHighlight(m_a2, Body2, 0, 9), Highlight()}).isEmpty());
        QCOMPARE(store()->lastError(), AnnotationStore::tr("A highlight needs at least one character"));
        QCOMPARE(count("highlights"), 3);
    }

    void workspaceClosedBeforeItsStore()
    {
        // The store keeps statements prepared on the workspace's connection; a workspace closed
        // first must still close for real: its log folded into the file and removed.
        const QString file = m_dir.filePath(QStringLiteral("order.parallax"));
        QString error;
        auto ws = Workspace::open(file, &error);
        QVERIFY2(ws, qPrintable(error));
        auto store = std::make_unique<AnnotationStore>(ws.get());
        QVERIFY(!store->highlightAt(1, 0, 3)); // prepares and keeps its statement
        QVERIFY(QFile::exists(file + QStringLiteral("-wal")));
        ws.reset();
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        QVERIFY(!store->highlightAt(1, 0, 3)); // and the store, asked again, fails quietly
    }

    void builtInStatuses()
    {
        const QList<Tag> tags = store()->tags();
        QStringList names;
        for (const Tag &t : tags) {
            QVERIFY(t.isStatus);
            QVERIFY(t.colour.isValid());
            names << t.name;
        }
        QCOMPARE(names,
                 (QStringList{QStringLiteral("unsupported"), QStringLiteral("supported"), QStringLiteral("disputed"),
                              QStringLiteral("needs check")}));
        QCOMPARE(store()->tagByName(QStringLiteral("Unsupported"))->id, Status::Unsupported);
    }

    void highlightIsAnchoredAndStored()
    {
        const int start = at(Body1, QStringLiteral("the bridge will close"));
        const int end = start + 21;
        QSignalSpy added(store(), &AnnotationStore::highlightAdded);
        const qint64 id = m_annotator->highlight(m_a1, start, end);
        QVERIFY(id > 0);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().at(1).toLongLong(), m_a1);
        QCOMPARE(m_annotator->highlight(m_a1, start, end), id); // the same passage is not highlighted twice
        QCOMPARE(m_annotator->undoStack()->count(), 1);
        reopen();
        const auto h = store()->highlight(id);
        QVERIFY(h);
        QCOMPARE(h->quote, QStringLiteral("the bridge will close"));
        QCOMPARE(h->prefix, QStringLiteral("The mayor said "));
        QCOMPARE(h->suffix, QStringLiteral(" on Monday.\nFerries will run eve"));
        QCOMPARE(h->suffix.size(), AnchorContext);
        QCOMPARE(h->start, start);
        QCOMPARE(h->end, end);
        QVERIFY(!h->orphaned);
        QVERIFY(h->created.isValid());
        // Times are stored in UTC as ISO 8601 with milliseconds, as Qt writes them.
        {
            QSqlQuery q(QSqlDatabase::database(m_ws->connectionName()));
            q.prepare(QStringLiteral("SELECT created, modified FROM highlights WHERE id = ?"));
            q.addBindValue(id);
            QVERIFY(q.exec() && q.next());
            for (int column : {0, 1}) {
                const QString stored = q.value(column).toString();
                const QDateTime time = QDateTime::fromString(stored, Qt::ISODateWithMs);
                QVERIFY2(time.isValid(), qPrintable(stored));
                QCOMPARE(stored, time.toUTC().toString(Qt::ISODateWithMs));
                QVERIFY2(stored.size() == 24 && stored.endsWith(u'Z'), qPrintable(stored));
                QVERIFY(qAbs(time.secsTo(QDateTime::currentDateTimeUtc())) < 120);
            }
            // A time of its own (as an import brings), every field padded, in UTC.
            Highlight dated = AnnotationStore::makeHighlight(m_a2, Body2, 0, 9);
            dated.created = QDateTime(QDate(987, 2, 3), QTime(4, 5, 6, 7), QTimeZone::UTC);
            dated.modified
                = QDateTime(QDate(2031, 11, 29), QTime(23, 59, 58, 990), QTimeZone::fromSecondsAheadOfUtc(3600));
            const qint64 datedId = store()->addHighlight(dated);
            q.bindValue(0, datedId);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toString(), u"0987-02-03T04:05:06.007Z"_s);
            QCOMPARE(q.value(1).toString(), u"2031-11-29T22:59:58.990Z"_s);
            QCOMPARE(q.value(1).toString(), dated.modified.toUTC().toString(Qt::ISODateWithMs));
            QVERIFY(store()->removeHighlight(datedId));
        }
        QCOMPARE(store()->highlightsOf(m_a1).size(), 1);
        QCOMPARE(store()->highlightsOf(m_a2).size(), 0);
    }

    void emptySelectionIsRefused()
    {
        QCOMPARE(m_annotator->highlight(m_a1, 5, 5), qint64(0));
        QVERIFY(!m_annotator->lastError().isEmpty());
        QCOMPARE(m_annotator->undoStack()->count(), 0);
        QCOMPARE(count("highlights"), 0);
    }

    void linkToNewClaimIsOneStep()
    {
        const int s1 = at(Body1, QStringLiteral("the bridge will close on Monday"));
        const int s2 = at(Body2, QStringLiteral("the bridge will close on Monday"));
        QUndoStack *stack = m_annotator->undoStack();
        const Annotator::Link first = m_annotator->highlightAndLink(
            m_a1, s1, s1 + 31, 0, QStringLiteral("Bridge closes Monday"), Wording::Attributed, Status::NeedsCheck);
        QVERIFY2(first.ok(), qPrintable(m_annotator->lastError()));
        QCOMPARE(stack->count(), 1);
        const Annotator::Link second = m_annotator->highlightAndLink(m_a2, s2, s2 + 31, first.claimId);
        QVERIFY(second.ok());
        QCOMPARE(second.claimId, first.claimId);
        QCOMPARE(stack->count(), 2);

        auto check = [&](int highlights, int claims, int appearances) {
            QCOMPARE(count("highlights"), highlights);
            QCOMPARE(count("claims"), claims);
            QCOMPARE(count("appearances"), appearances);
        };
        check(2, 1, 2);
        QCOMPARE(store()->claim(first.claimId)->statusTag, Status::NeedsCheck);
        QCOMPARE(store()->appearancesOfHighlight(first.highlightId).first().wording, Wording::Attributed);

        stack->undo(); // second link gone, highlight too
        check(1, 1, 1);
        stack->undo(); // first link, its highlight and the new claim gone
        check(0, 0, 0);
        stack->redo();
        check(1, 1, 1);
        // Redo brings back the same records, so later steps still refer to them.
        QCOMPARE(store()->claim(first.claimId)->title, QStringLiteral("Bridge closes Monday"));
        QVERIFY(store()->highlight(first.highlightId));
        stack->redo();
        check(2, 1, 2);
        QCOMPARE(store()->appearancesOfClaim(first.claimId).size(), 2);
        reopen();
        QCOMPARE(store()->appearancesOfClaim(first.claimId).size(), 2);
    }

    void linkingAnExistingHighlightKeepsIt()
    {
        const int s = at(Body1, QStringLiteral("Ferries"));
        const qint64 h = m_annotator->highlight(m_a1, s, s + 7);
        const Annotator::Link l = m_annotator->highlightAndLink(m_a1, s, s + 7, 0, QStringLiteral("Ferries run"));
        QCOMPARE(l.highlightId, h);
        m_annotator->undoStack()->undo();
        QVERIFY(store()->highlight(h)); // only the link and the claim were undone
        QCOMPARE(count("claims"), 0);
        QCOMPARE(count("appearances"), 0);
    }

    void statusTagsNotesAndEvidence()
    {
        const qint64 c = m_annotator->createClaim(QStringLiteral("No reason given"));
        QVERIFY(c > 0);
        QUndoStack *stack = m_annotator->undoStack();
        QSignalSpy changed(store(), &AnnotationStore::claimChanged);
        QVERIFY(m_annotator->setStatus(c, Status::Unsupported));
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_annotator->setStatus(c, Status::Unsupported)); // no change, no step
        QCOMPARE(stack->count(), 2);
        const qint64 custom = store()->addTag(QStringLiteral("transport"), QColor(QStringLiteral("#2277aa")));
        QVERIFY(custom > 0);
        QCOMPARE(store()->addTag(QStringLiteral("Transport"), Qt::red), qint64(0)); // names are unique
        QVERIFY(m_annotator->setClaimTags(c, {custom}));
        const qint64 e = m_annotator->addEvidence(c, QStringLiteral("https://example.org/notice"),
                                                  QStringLiteral("council notice"));
        QVERIFY(e > 0);
        // Typing a title or a note in several goes is one step.
        QVERIFY(m_annotator->renameClaim(c, QStringLiteral("No reason")));
        QVERIFY(m_annotator->renameClaim(c, QStringLiteral("No reason was given")));
        QVERIFY(m_annotator->setClaimNote(c, QStringLiteral("Council")));
        QVERIFY(m_annotator->setClaimNote(c, QStringLiteral("Council gave none")));
        QCOMPARE(stack->count(), 6); // the two renames and the two note edits merged
        reopen();
        Claim claim = *store()->claim(c);
        QCOMPARE(claim.title, QStringLiteral("No reason was given"));
        QCOMPARE(claim.note, QStringLiteral("Council gave none"));
        QCOMPARE(claim.statusTag, Status::Unsupported);
        QCOMPARE(store()->tagsOfClaim(c), QList<qint64>{custom});
        QCOMPARE(store()->evidenceOf(c).size(), 1);
        QCOMPARE(store()->evidenceOf(c).first().note, QStringLiteral("council notice"));
    }

    void undoRedoEveryStep()
    {
        QUndoStack *stack = m_annotator->undoStack();
        const qint64 c = m_annotator->createClaim(QStringLiteral("Claim"));
        QVERIFY(m_annotator->setStatus(c, Status::Disputed));
        QVERIFY(m_annotator->renameClaim(c, QStringLiteral("Renamed")));
        const qint64 e = m_annotator->addEvidence(c, QStringLiteral("https://example.org"));
        QVERIFY(e > 0);
        QVERIFY(m_annotator->setClaimTags(c, {Status::NeedsCheck}));
        QCOMPARE(stack->count(), 5);

        struct State {
            bool exists;
            qint64 status;
            QString title;
            int evidence;
            int tags;
        };
        const QList<State> states = {
            {false, 0, {}, 0, 0},
            {true, 0, QStringLiteral("Claim"), 0, 0},
            {true, Status::Disputed, QStringLiteral("Claim"), 0, 0},
            {true, Status::Disputed, QStringLiteral("Renamed"), 0, 0},
            {true, Status::Disputed, QStringLiteral("Renamed"), 1, 0},
            {true, Status::Disputed, QStringLiteral("Renamed"), 1, 1},
        };
        auto verify = [&](int index) {
            const State &s = states.at(index);
            const auto claim = store()->claim(c);
            QCOMPARE(bool(claim), s.exists);
            if (!claim)
                return;
            QCOMPARE(claim->statusTag, s.status);
            QCOMPARE(claim->title, s.title);
            QCOMPARE(store()->evidenceOf(c).size(), s.evidence);
            QCOMPARE(store()->tagsOfClaim(c).size(), s.tags);
        };
        for (int i = 5; i > 0; --i) {
            stack->undo();
            verify(i - 1);
        }
        for (int i = 1; i <= 5; ++i) {
            stack->redo();
            verify(i);
        }
    }

    void removingAClaimCanBeUndone()
    {
        const int s1 = at(Body1, QStringLiteral("the bridge"));
        const int s2 = at(Body2, QStringLiteral("the bridge"));
        const auto l1
            = m_annotator->highlightAndLink(m_a1, s1, s1 + 10, 0, QStringLiteral("Bridge"), Wording::Verbatim);
        m_annotator->highlightAndLink(m_a2, s2, s2 + 10, l1.claimId, {}, Wording::Paraphrase);
        m_annotator->setClaimTags(l1.claimId, {Status::Supported});
        m_annotator->addEvidence(l1.claimId, QStringLiteral("https://example.org/a"));
        const ClaimSnapshot before = store()->snapshotOfClaim(l1.claimId);
        QSignalSpy removed(store(), &AnnotationStore::appearanceRemoved);
        QVERIFY(m_annotator->removeClaim(l1.claimId));
        QCOMPARE(removed.count(), 2);
        QVERIFY(!store()->claim(l1.claimId));
        QCOMPARE(count("highlights"), 2); // the passages stay highlighted
        QCOMPARE(count("appearances"), 0);
        m_annotator->undoStack()->undo();
        const ClaimSnapshot after = store()->snapshotOfClaim(l1.claimId);
        QCOMPARE(after.claim, before.claim);
        QCOMPARE(after.appearances, before.appearances);
        QCOMPARE(after.tags, before.tags);
        QCOMPARE(after.evidence, before.evidence);
    }

    void removingAHighlightCanBeUndone()
    {
        const int s = at(Body2, QStringLiteral("No reason"));
        const auto l = m_annotator->highlightAndLink(m_a2, s, s + 9, 0, QStringLiteral("No reason"));
        QVERIFY(m_annotator->setHighlightNote(l.highlightId, QStringLiteral("check with council")));
        QVERIFY(m_annotator->removeHighlight(l.highlightId));
        QCOMPARE(count("highlights"), 0);
        QCOMPARE(count("appearances"), 0);
        QCOMPARE(count("claims"), 1);
        m_annotator->undoStack()->undo();
        QCOMPARE(store()->highlight(l.highlightId)->note, QStringLiteral("check with council"));
        QCOMPARE(store()->appearancesOfClaim(l.claimId).size(), 1);
    }

    // An id, once handed out, never names another highlight: not after the highest highlight is
    // removed, not after a reopen, not after its article goes (a cascade), not in a bulk load;
    // while undo puts a removed highlight back under its own id.
    void idsAreNeverReused()
    {
        const int s = at(Body1, QStringLiteral("bridge"));
        const qint64 first = m_annotator->highlight(m_a1, s, s + 6);
        const qint64 second = m_annotator->highlight(m_a1, s + 7, s + 11);
        QVERIFY(first > 0 && second > first);
        QVERIFY(m_annotator->removeHighlight(second)); // the highest one
        const qint64 third = m_annotator->highlight(m_a1, s + 12, s + 16);
        QVERIFY2(third > second, qPrintable(u"%1 after %2"_s.arg(third).arg(second)));
        // Undo the new one and the removal: the removed highlight is back, under its own id.
        m_annotator->undoStack()->undo();
        m_annotator->undoStack()->undo();
        QVERIFY(store()->highlight(second));
        QCOMPARE(store()->highlight(second)->start, s + 7);
        QVERIFY(!store()->highlight(third));
        m_annotator->undoStack()->redo(); // removed again
        m_annotator->undoStack()->redo(); // and the third highlight back, as it was
        QVERIFY(store()->highlight(third));
        QCOMPARE(store()->highlight(third)->start, s + 12);
        QVERIFY(m_annotator->removeHighlight(third));

        reopen();
        const qint64 fourth = m_annotator->highlight(m_a1, s, s + 3);
        QVERIFY2(fourth > third, qPrintable(u"%1 after %2"_s.arg(fourth).arg(third)));

        // The highest highlights go with their article.
        const int t = at(Body2, QStringLiteral("bridge"));
        const qint64 inSecond = m_annotator->highlight(m_a2, t, t + 6);
        QVERIFY(inSecond > fourth);
        {
            QSqlQuery q(QSqlDatabase::database(m_ws->connectionName()));
            QVERIFY(q.exec(u"DELETE FROM articles WHERE id = %1"_s.arg(m_a2)));
        }
        QCOMPARE(count("highlights"), 2);
        Highlight h = AnnotationStore::makeHighlight(m_a1, Body1, s + 20, s + 25);
        const QList<qint64> bulk = store()->addHighlights({h, AnnotationStore::makeHighlight(m_a1, Body1, 1, 4)});
        QCOMPARE(bulk.size(), 2);
        QVERIFY2(bulk.at(0) > inSecond, qPrintable(u"%1 after %2"_s.arg(bulk.at(0)).arg(inSecond)));
        QCOMPARE(bulk.at(1), bulk.at(0) + 1);
        // Removing one that is not the highest leaves nothing to remember: the next id follows on.
        QVERIFY(m_annotator->removeHighlight(first));
        QCOMPARE(m_annotator->highlight(m_a1, s + 30, s + 33), bulk.at(1) + 1);
    }

    void batchRollsBackWithoutSignals()
    {
        QSignalSpy claims(store(), &AnnotationStore::claimAdded);
        {
            AnnotationStore::Batch batch(*store());
            QVERIFY(store()->addClaim({0, QStringLiteral("kept?"), {}, 0, {}, {}}) > 0);
            // no commit: the destructor rolls back
        }
        QCOMPARE(count("claims"), 0);
        QCOMPARE(claims.count(), 0);
        {
            AnnotationStore::Batch batch(*store());
            QVERIFY(store()->addClaim({0, QStringLiteral("kept"), {}, 0, {}, {}}) > 0);
            QCOMPARE(claims.count(), 0); // not before the commit
            QVERIFY(batch.commit());
        }
        QCOMPARE(claims.count(), 1);
        QCOMPARE(count("claims"), 1);
    }

    void failedWriteLeavesNoStep()
    {
        // A trigger stands in for the file refusing a write (disk full, I/O error).
        QSqlQuery q(QSqlDatabase::database(m_ws->connectionName()));
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON appearances BEGIN SELECT RAISE(ABORT, "
                                      "'disk full'); END")));
        QSignalSpy failed(m_annotator.get(), &Annotator::failed);
        const int s = at(Body1, QStringLiteral("Ferries"));
        const auto l = m_annotator->highlightAndLink(m_a1, s, s + 7, 0, QStringLiteral("Ferries"));
        QVERIFY(!l.ok());
        QCOMPARE(failed.count(), 1);
        QVERIFY2(m_annotator->lastError().contains(QStringLiteral("disk full")), qPrintable(m_annotator->lastError()));
        QCOMPARE(m_annotator->undoStack()->count(), 0);
        QCOMPARE(count("highlights"), 0); // the highlight made in the same step was rolled back too
        QCOMPARE(count("claims"), 0);
    }

    // A highlight's lookup and insert share one transaction, committed after the step is on the
    // undo stack: when that commit fails, the step comes off the stack and nothing is announced.
    void highlightWhoseCommitFailsLeavesNoStep()
    {
        // A constraint checked only at commit stands in for a commit the file refuses.
        QSqlQuery q(QSqlDatabase::database(m_ws->connectionName()));
        QVERIFY(q.exec(u"CREATE TABLE later_check (article_id INTEGER REFERENCES articles(id) DEFERRABLE "
                       "INITIALLY DEFERRED)"_s));
        QVERIFY(q.exec(u"CREATE TRIGGER refuse_at_commit AFTER INSERT ON highlights BEGIN INSERT INTO "
                       "later_check VALUES (-1); END"_s));
        QSignalSpy failed(m_annotator.get(), &Annotator::failed);
        QSignalSpy added(store(), &AnnotationStore::highlightAdded);
        const int s = at(Body1, QStringLiteral("Ferries"));
        QCOMPARE(m_annotator->highlight(m_a1, s, s + 7), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(m_annotator->lastError().contains(u"FOREIGN KEY"_s), qPrintable(m_annotator->lastError()));
        QCOMPARE(m_annotator->undoStack()->count(), 0);
        QVERIFY(!m_annotator->undoStack()->canRedo());
        QCOMPARE(count("highlights"), 0);
        QCOMPARE(added.count(), 0);
        // Linking to a new claim, the same: no step, no highlight, no claim.
        QVERIFY(!m_annotator->highlightAndLink(m_a1, s, s + 7, 0, u"Ferries run"_s).ok());
        QCOMPARE(failed.count(), 2);
        QCOMPARE(m_annotator->undoStack()->count(), 0);
        QCOMPARE(count("highlights"), 0);
        QCOMPARE(count("claims"), 0);
        // The connection is left with no transaction open: the next highlight commits.
        QVERIFY(q.exec(u"DROP TRIGGER refuse_at_commit"_s));
        const qint64 id = m_annotator->highlight(m_a1, s, s + 7);
        QVERIFY(id > 0);
        QCOMPARE(added.count(), 1);
        QCOMPARE(m_annotator->undoStack()->count(), 1);
        reopen();
        QVERIFY(store()->highlight(id));
        QCOMPARE(store()->highlight(id)->quote, u"Ferries"_s);
    }

    // A workspace file deleted while open: a passage highlighted already is still found (nothing
    // to write), a new highlight is refused once with the reason, and a step inside a batch
    // someone else began (an import) checks the file too.
    void highlightInAFileDeletedWhileOpen()
    {
        const int s = at(Body1, QStringLiteral("Ferries"));
        const qint64 before = m_annotator->highlight(m_a1, s, s + 7);
        QVERIFY(before > 0);
        QSignalSpy failed(m_annotator.get(), &Annotator::failed);
        {
            AnnotationStore::Batch import(*store());
            QVERIFY(import.isOpen());
            QVERIFY(QFile::remove(m_path));
            QCOMPARE(m_annotator->highlight(m_a1, s + 8, s + 12), 0);
            QCOMPARE(failed.count(), 1);
            QVERIFY2(m_annotator->lastError().contains(u"moved or deleted"_s), qPrintable(m_annotator->lastError()));
        }
        QCOMPARE(m_annotator->highlight(m_a1, s, s + 7), before);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(store()->lastError().isEmpty(), qPrintable(store()->lastError()));
        QCOMPARE(m_annotator->highlight(m_a1, s + 8, s + 12), 0);
        QCOMPARE(failed.count(), 2);
        QVERIFY2(m_annotator->lastError().contains(u"moved or deleted"_s), qPrintable(m_annotator->lastError()));
        QVERIFY(!m_annotator->highlightAndLink(m_a1, s + 8, s + 12, 0, u"Ferries"_s).ok());
        QCOMPARE(failed.count(), 3);
        QCOMPARE(m_annotator->undoStack()->count(), 1); // the first highlight only
    }

    void reanchorsShiftedText()
    {
        const QString quote = QStringLiteral("the bridge will close on Monday");
        const int s = at(Body2, quote);
        const qint64 kept = m_annotator->highlight(m_a2, s, s + int(quote.size()));
        const int r = at(Body2, QStringLiteral("No reason"));
        const qint64 lost = m_annotator->highlight(m_a2, r, r + 9);
        const int o = at(Body2, QStringLiteral("Officials"));
        const qint64 same = m_annotator->highlight(m_a2, o, o + 9);
        // The text shifts: words added before the quote, and the last sentence reworded.
        const QString shifted = QStringLiteral("Officials today confirmed that the bridge will close on Monday.\n"
                                               "Officials gave no explanation.");
        QSignalSpy changed(store(), &AnnotationStore::highlightChanged);
        QCOMPARE(store()->reanchor(m_a2, shifted), 2);
        QCOMPARE(changed.count(), 2);
        const Highlight k = *store()->highlight(kept);
        QCOMPARE(shifted.mid(k.start, k.end - k.start), quote);
        QVERIFY(!k.orphaned);
        QVERIFY(store()->highlight(lost)->orphaned); // visible as orphaned, never dropped
        QCOMPARE(store()->highlight(same)->start, o);
        // Context decides between several places the quote occurs.
        QCOMPARE(store()->highlight(same)->orphaned, false);
        QCOMPARE(store()->reanchor(m_a2, shifted), 0); // stable
        // The text comes back: the orphan is found again.
        QCOMPARE(store()->reanchor(m_a2, Body2), 2);
        QVERIFY(!store()->highlight(lost)->orphaned);
    }

    void contextPicksTheRightOccurrence()
    {
        const QString body = QStringLiteral("He said yes. Later she said yes. Then he said no.");
        const QString variant = QStringLiteral("Yes. He said yes. Later she said yes. Then he said no.");
        const Highlight said = AnnotationStore::makeHighlight(m_a1, body, 3, 11); // "said yes" after "He "
        QVERIFY(store()->addHighlight(said) > 0);
        QCOMPARE(store()->reanchor(m_a1, variant), 1);
        const Highlight moved = store()->highlightsOf(m_a1).first();
        QCOMPARE(moved.start, 8); // after "Yes. He ", not after "she "
        QCOMPARE(variant.mid(moved.start - 3, 3), QStringLiteral("He "));
    }
};

QTEST_GUILESS_MAIN(AnnotationsTest)
#include "tst_annotations.moc"
