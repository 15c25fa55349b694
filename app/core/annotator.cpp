#include "annotator.h"

#include "annotationstore.h"
#include "detect/rejectedsuggestions.h"
#include "workspace.h"

#include <algorithm>
#include <climits>
#include <functional>

// One reader intent as do and undo functions over the store. Each function commits its own
// work (in one batch) and returns whether it succeeded.
class AnnotationCommand : public QUndoCommand
{
public:
    enum Merge { NoMerge = -1, RenameClaim = 1, ClaimNote, HighlightNote };

    AnnotationCommand(const QString &text, std::function<bool()> doIt, std::function<bool()> undoIt,
                      Merge merge = NoMerge, qint64 mergeKey = 0)
        : QUndoCommand(text)
        , m_do(std::move(doIt))
        , m_undo(std::move(undoIt))
        , m_merge(merge)
        , m_mergeKey(mergeKey)
    {
    }

    // The first redo() runs inside QUndoStack::push: if it fails, the command marks itself
    // obsolete and the stack deletes it instead of keeping a step that did nothing.
    void redo() override
    {
        const bool ok = m_do();
        if (m_firstResult) {
            *m_firstResult = ok;
            m_firstResult = nullptr;
            setObsolete(!ok);
        }
    }
    void undo() override { m_undo(); }
    void reportFirstRunTo(bool *ok) { m_firstResult = ok; }

    // Typing a title or a note in several goes is one step to undo.
    int id() const override { return m_merge; }
    bool mergeWith(const QUndoCommand *other) override
    {
        auto *o = static_cast<const AnnotationCommand *>(other);
        if (o->isObsolete() || o->m_mergeKey != m_mergeKey)
            return false;
        m_do = o->m_do;
        return true;
    }

private:
    std::function<bool()> m_do;
    std::function<bool()> m_undo;
    Merge m_merge;
    qint64 m_mergeKey;
    bool *m_firstResult = nullptr;
};

Annotator::Annotator(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_store(new AnnotationStore(workspace, this))
    , m_stack(new QUndoStack(this))
{
}

Annotator::~Annotator() = default;

bool Annotator::push(AnnotationCommand *command, const AnnotationStore::Batch *around)
{
    m_lastError.clear();
    m_store->clearError();
    // A batch that began the transaction around the step has checked the file as it began.
    if (m_workspace && !(around && around->isOpen() && around->isOutermost())
        && (m_workspace->isReadOnly() || m_workspace->fileIsGone())) {
        // SQLite would write on into a deleted file: nothing of that could ever be read again.
        m_lastError = m_workspace->explainWriteFailure(QStringLiteral("attempt to write a readonly database"));
        delete command;
        Q_EMIT failed(m_lastError);
        return false;
    }
    bool ok = false;
    command->reportFirstRunTo(&ok);
    m_stack->push(command); // runs redo(); a failed command is deleted there
    if (ok)
        return true;
    // Nothing was written: each step is one transaction.
    return reportStoreFailure();
}

bool Annotator::reportStoreFailure()
{
    m_lastError = m_store->lastError().isEmpty() ? tr("The workspace could not be changed") : m_store->lastError();
    if (m_workspace)
        m_lastError = m_workspace->explainWriteFailure(m_lastError);
    m_store->clearError();
    Q_EMIT failed(m_lastError);
    return false;
}

Highlight Annotator::existingOrNew(qint64 articleId, int start, int end, bool *exists)
{
    if (std::optional<Highlight> h = m_store->highlightAt(articleId, start, end)) {
        *exists = true;
        return *h;
    }
    *exists = false;
    return AnnotationStore::makeHighlight(articleId, bodyOf(articleId), start, end);
}

QString Annotator::bodyOf(qint64 articleId)
{
    // Bodies never change once imported; a reader highlights in the same few articles again and
    // again, and reading a long body for its 64 characters of context costs more than the commit.
    if (const QString *body = m_bodies.object(articleId))
        return *body;
    const QString body = m_workspace->articleBody(articleId);
    m_bodies.insert(articleId, new QString(body), int(std::min<qsizetype>(body.size(), INT_MAX)));
    return body;
}

bool Annotator::pushInBatch(AnnotationCommand *command, AnnotationStore::Batch &batch)
{
    if (batch.isOutermost() && !batch.isOpen()) {
        // Read-only, gone, or another writer held the lock past the wait: say so now rather
        // than wait a second time in the step's own transaction.
        delete command;
        return reportStoreFailure();
    }
    if (!push(command, &batch))
        return false;
    if (!batch.isOpen() || batch.commit())
        return true;
    // The step ran but its transaction did not commit: nothing of it is in the file, so it
    // comes off the stack again (an obsolete command is deleted as it is undone). The redo
    // steps the push dropped stay dropped: rare enough (a disk error at the commit) to accept.
    const QString why = m_store->lastError();
    command->setObsolete(true);
    m_stack->undo();
    m_store->setError(why);
    return reportStoreFailure();
}

qint64 Annotator::highlight(qint64 articleId, int start, int end)
{
    // One transaction looks for the passage and adds it: one set of locks, and no other
    // writer can highlight the same passage in between.
    AnnotationStore::Batch batch(*m_store);
    bool exists = false;
    Highlight h = existingOrNew(articleId, start, end, &exists);
    if (exists) {
        m_store->clearError(); // a file that cannot be written is no matter here: nothing to write
        return h.id;
    }
    if (h.quote.isEmpty() || h.end <= h.start) {
        m_lastError = tr("Select some text to highlight");
        return 0;
    }
    auto id = std::make_shared<qint64>(0);
    auto *command = new AnnotationCommand(
        tr("Highlight"),
        [this, h, id]() mutable {
            // The first time it gets a new id; a redo puts back the very same highlight.
            Highlight again = h;
            again.id = *id;
            *id = m_store->addHighlight(again);
            return *id > 0;
        },
        [this, id] { return m_store->removeHighlight(*id); });
    if (!pushInBatch(command, batch))
        return 0;
    return *id;
}

Annotator::Link Annotator::highlightAndLink(qint64 articleId, int start, int end, qint64 claimId,
                                            const QString &newTitle, Wording wording, qint64 statusTag)
{
    // What is looked up here stays true until the step commits (see highlight()).
    AnnotationStore::Batch outer(*m_store);
    bool exists = false;
    const Highlight h = existingOrNew(articleId, start, end, &exists);
    if (!exists && (h.quote.isEmpty() || h.end <= h.start)) {
        m_lastError = tr("Select some text to link to a claim");
        return {};
    }
    if (claimId == 0 && newTitle.trimmed().isEmpty()) {
        m_lastError = tr("A new claim needs a title");
        return {};
    }
    if (claimId > 0 && !m_store->claim(claimId)) {
        m_lastError = tr("No such claim");
        return {};
    }
    if (exists && claimId > 0) {
        for (const Appearance &a : m_store->appearancesOfHighlight(h.id)) {
            if (a.claimId == claimId) {
                m_store->clearError();
                return {h.id, claimId}; // already linked: nothing to do
            }
        }
    }
    auto highlightId = std::make_shared<qint64>(exists ? h.id : 0);
    auto newClaimId = std::make_shared<qint64>(0);
    Claim fresh;
    fresh.title = newTitle.trimmed();
    fresh.statusTag = statusTag;
    const QString text = claimId > 0 ? tr("Link to Claim") : tr("Link to New Claim \u201C%1\u201D").arg(fresh.title);
    auto *command = new AnnotationCommand(
        text,
        [=, this] {
            AnnotationStore::Batch batch(*m_store);
            if (!exists) {
                Highlight again = h;
                again.id = *highlightId;
                if (!(*highlightId = m_store->addHighlight(again)))
                    return false;
            }
            qint64 target = claimId;
            if (target == 0) {
                Claim again = fresh;
                again.id = *newClaimId;
                if (!(target = *newClaimId = m_store->addClaim(again)))
                    return false;
            }
            return m_store->link({*highlightId, target, wording}) && batch.commit();
        },
        [=, this] {
            AnnotationStore::Batch batch(*m_store);
            const qint64 target = claimId > 0 ? claimId : *newClaimId;
            bool done = exists ? m_store->unlink(*highlightId, target) : m_store->removeHighlight(*highlightId);
            if (done && claimId == 0)
                done = m_store->removeClaim(*newClaimId);
            return done && batch.commit();
        });
    if (!pushInBatch(command, outer))
        return {};
    return {*highlightId, claimId > 0 ? claimId : *newClaimId};
}

bool Annotator::link(qint64 highlightId, qint64 claimId, Wording wording)
{
    return push(new AnnotationCommand(
        tr("Link to Claim"), [=, this] { return m_store->link({highlightId, claimId, wording}); },
        [=, this] { return m_store->unlink(highlightId, claimId); }));
}

bool Annotator::unlink(qint64 highlightId, qint64 claimId)
{
    Wording wording = Wording::Stated;
    bool linked = false;
    for (const Appearance &a : m_store->appearancesOfHighlight(highlightId)) {
        if (a.claimId == claimId) {
            wording = a.wording;
            linked = true;
        }
    }
    if (!linked) {
        m_lastError = tr("That highlight is not linked to that claim");
        return false;
    }
    return push(new AnnotationCommand(
        tr("Unlink from Claim"), [=, this] { return m_store->unlink(highlightId, claimId); },
        [=, this] { return m_store->link({highlightId, claimId, wording}); }));
}

bool Annotator::setWording(qint64 highlightId, qint64 claimId, Wording wording)
{
    std::optional<Wording> old;
    for (const Appearance &a : m_store->appearancesOfHighlight(highlightId)) {
        if (a.claimId == claimId)
            old = a.wording;
    }
    if (!old) {
        m_lastError = tr("That highlight is not linked to that claim");
        return false;
    }
    if (*old == wording)
        return true;
    const Wording before = *old;
    return push(new AnnotationCommand(
        tr("Set Wording to %1").arg(wordingLabel(wording)),
        [=, this] { return m_store->setWording(highlightId, claimId, wording); },
        [=, this] { return m_store->setWording(highlightId, claimId, before); }));
}

bool Annotator::removeHighlight(qint64 highlightId)
{
    const HighlightSnapshot snapshot = m_store->snapshotOfHighlight(highlightId);
    if (snapshot.highlight.id == 0) {
        m_lastError = tr("No such highlight");
        return false;
    }
    return push(new AnnotationCommand(
        tr("Remove Highlight"), [=, this] { return m_store->removeHighlight(highlightId); },
        [=, this] { return m_store->restoreHighlight(snapshot); }));
}

bool Annotator::setHighlightNote(qint64 highlightId, const QString &note)
{
    const std::optional<Highlight> h = m_store->highlight(highlightId);
    if (!h) {
        m_lastError = tr("No such highlight");
        return false;
    }
    if (h->note == note)
        return true;
    const QString before = h->note;
    return push(new AnnotationCommand(
        tr("Edit Highlight Note"), [=, this] { return m_store->setHighlightNote(highlightId, note); },
        [=, this] { return m_store->setHighlightNote(highlightId, before); }, AnnotationCommand::HighlightNote,
        highlightId));
}

qint64 Annotator::createClaim(const QString &title, const QString &note, qint64 statusTag)
{
    if (title.trimmed().isEmpty()) {
        m_lastError = tr("A claim needs a title");
        return 0;
    }
    auto id = std::make_shared<qint64>(0);
    Claim c;
    c.title = title.trimmed();
    c.note = note;
    c.statusTag = statusTag;
    const bool ok = push(new AnnotationCommand(
        tr("New Claim \u201C%1\u201D").arg(c.title),
        [=, this] {
            Claim again = c;
            again.id = *id;
            *id = m_store->addClaim(again);
            return *id > 0;
        },
        [=, this] { return m_store->removeClaim(*id); }));
    return ok ? *id : 0;
}

namespace {
// Applies a change to one claim record, keeping everything else as it is in the store.
std::function<bool()> changeClaim(AnnotationStore *store, qint64 id, std::function<void(Claim &)> change)
{
    return [=] {
        std::optional<Claim> c = store->claim(id);
        if (!c)
            return false;
        change(*c);
        return store->updateClaim(*c);
    };
}
} // namespace

bool Annotator::setStatus(qint64 claimId, qint64 statusTag)
{
    const std::optional<Claim> c = m_store->claim(claimId);
    if (!c) {
        m_lastError = tr("No such claim");
        return false;
    }
    if (c->statusTag == statusTag)
        return true;
    const qint64 before = c->statusTag;
    const std::optional<Tag> tag = m_store->tag(statusTag);
    return push(new AnnotationCommand(statusTag && tag ? tr("Mark Claim %1").arg(tag->name) : tr("Clear Claim Status"),
                                      changeClaim(m_store, claimId, [statusTag](Claim &x) { x.statusTag = statusTag; }),
                                      changeClaim(m_store, claimId, [before](Claim &x) { x.statusTag = before; })));
}

bool Annotator::renameClaim(qint64 claimId, const QString &title)
{
    const std::optional<Claim> c = m_store->claim(claimId);
    if (!c) {
        m_lastError = tr("No such claim");
        return false;
    }
    if (title.trimmed().isEmpty()) {
        m_lastError = tr("A claim needs a title");
        return false;
    }
    if (c->title == title.trimmed())
        return true;
    const QString before = c->title, after = title.trimmed();
    return push(new AnnotationCommand(tr("Rename Claim"),
                                      changeClaim(m_store, claimId, [after](Claim &x) { x.title = after; }),
                                      changeClaim(m_store, claimId, [before](Claim &x) { x.title = before; }),
                                      AnnotationCommand::RenameClaim, claimId));
}

bool Annotator::setClaimNote(qint64 claimId, const QString &note)
{
    const std::optional<Claim> c = m_store->claim(claimId);
    if (!c) {
        m_lastError = tr("No such claim");
        return false;
    }
    if (c->note == note)
        return true;
    const QString before = c->note;
    return push(new AnnotationCommand(
        tr("Edit Claim Note"), changeClaim(m_store, claimId, [note](Claim &x) { x.note = note; }),
        changeClaim(m_store, claimId, [before](Claim &x) { x.note = before; }), AnnotationCommand::ClaimNote, claimId));
}

bool Annotator::setClaimTags(qint64 claimId, const QList<qint64> &tagIds)
{
    if (!m_store->claim(claimId)) {
        m_lastError = tr("No such claim");
        return false;
    }
    const QList<qint64> before = m_store->tagsOfClaim(claimId);
    QList<qint64> after = tagIds;
    std::sort(after.begin(), after.end());
    after.erase(std::unique(after.begin(), after.end()), after.end());
    if (before == after)
        return true;
    return push(new AnnotationCommand(
        tr("Set Claim Tags"), [=, this] { return m_store->setClaimTags(claimId, after); },
        [=, this] { return m_store->setClaimTags(claimId, before); }));
}

bool Annotator::removeClaim(qint64 claimId)
{
    const ClaimSnapshot snapshot = m_store->snapshotOfClaim(claimId);
    if (snapshot.claim.id == 0) {
        m_lastError = tr("No such claim");
        return false;
    }
    return push(new AnnotationCommand(
        tr("Delete Claim \u201C%1\u201D").arg(snapshot.claim.title),
        [=, this] { return m_store->removeClaim(claimId); }, [=, this] { return m_store->restoreClaim(snapshot); }));
}

qint64 Annotator::addEvidence(qint64 claimId, const QString &url, const QString &note)
{
    if (!m_store->claim(claimId)) {
        m_lastError = tr("No such claim");
        return 0;
    }
    if (url.trimmed().isEmpty()) {
        m_lastError = tr("An evidence link needs a URL");
        return 0;
    }
    auto id = std::make_shared<qint64>(0);
    const bool ok = push(new AnnotationCommand(
        tr("Add Evidence"),
        [=, this] {
            *id = m_store->addEvidence({*id, claimId, url, note, {}});
            return *id > 0;
        },
        [=, this] { return m_store->removeEvidence(*id); }));
    return ok ? *id : 0;
}

bool Annotator::removeEvidence(qint64 evidenceId)
{
    std::optional<Evidence> found;
    for (const Claim &c : m_store->claims()) {
        for (const Evidence &e : m_store->evidenceOf(c.id)) {
            if (e.id == evidenceId)
                found = e;
        }
    }
    if (!found) {
        m_lastError = tr("No such evidence link");
        return false;
    }
    const Evidence e = *found;
    return push(new AnnotationCommand(
        tr("Remove Evidence"), [=, this] { return m_store->removeEvidence(evidenceId); },
        [=, this] { return m_store->addEvidence(e) > 0; }));
}

qint64 Annotator::linkPassages(const QList<Detect::Passage> &passages, qint64 claimId, const QString &newTitle,
                               Wording wording)
{
    if (passages.isEmpty()) {
        m_lastError = tr("Nothing to link");
        return 0;
    }
    if (claimId == 0 && newTitle.trimmed().isEmpty()) {
        m_lastError = tr("A new claim needs a title");
        return 0;
    }
    if (claimId > 0 && !m_store->claim(claimId)) {
        m_lastError = tr("No such claim");
        return 0;
    }
    // What the first run made, so that undo removes exactly that and redo puts back the same ids.
    struct Made {
        qint64 claim = 0;
        QList<Highlight> highlights; // with the ids they got
        QList<Appearance> links;
    };
    auto made = std::make_shared<Made>();
    Claim fresh;
    fresh.title = newTitle.trimmed();
    const QString text
        = claimId > 0 ? tr("Merge Suggestion into Claim") : tr("Accept Suggestion \u201C%1\u201D").arg(fresh.title);
    const bool ok = push(new AnnotationCommand(
        text,
        [=, this] {
            AnnotationStore::Batch batch(*m_store);
            const bool again = !made->highlights.isEmpty() || made->claim > 0;
            qint64 target = claimId;
            if (target == 0) {
                Claim c = fresh;
                c.id = made->claim;
                if (!(target = made->claim = m_store->addClaim(c)))
                    return false;
            }
            if (again) {
                for (const Highlight &h : std::as_const(made->highlights)) {
                    if (!m_store->addHighlight(h))
                        return false;
                }
                for (const Appearance &a : std::as_const(made->links)) {
                    if (!m_store->link(a))
                        return false;
                }
                return batch.commit();
            }
            for (const Detect::Passage &p : passages) {
                bool exists = false;
                Highlight h = existingOrNew(p.articleId, p.start, p.end, &exists);
                if (!exists) {
                    if (h.quote.isEmpty() || !(h.id = m_store->addHighlight(h)))
                        return false;
                    made->highlights.append(*m_store->highlight(h.id));
                }
                bool linked = false;
                for (const Appearance &a : m_store->appearancesOfHighlight(h.id))
                    linked = linked || a.claimId == target;
                if (!linked) {
                    const Appearance a{h.id, target, wording};
                    if (!m_store->link(a))
                        return false;
                    made->links.append(a);
                }
            }
            if (!batch.commit()) {
                made->highlights.clear();
                made->links.clear();
                return false;
            }
            return true;
        },
        [=, this] {
            AnnotationStore::Batch batch(*m_store);
            for (const Appearance &a : std::as_const(made->links)) {
                if (!m_store->unlink(a.highlightId, a.claimId))
                    return false;
            }
            for (const Highlight &h : std::as_const(made->highlights)) {
                if (!m_store->removeHighlight(h.id))
                    return false;
            }
            if (claimId == 0 && !m_store->removeClaim(made->claim))
                return false;
            return batch.commit();
        }));
    return ok ? (claimId > 0 ? claimId : made->claim) : 0;
}

bool Annotator::rejectSuggestion(const Detect::Suggestion &suggestion)
{
    const QByteArray key = suggestion.key;
    return push(new AnnotationCommand(
        tr("Reject Suggestion \u201C%1\u201D").arg(suggestion.label.left(60)),
        [=, this] {
            Detect::RejectedSuggestions rejected(m_workspace);
            if (!rejected.reject(suggestion)) {
                m_store->fail(rejected.lastError());
                return false;
            }
            Q_EMIT suggestionRejected(key);
            return true;
        },
        [=, this] {
            Detect::RejectedSuggestions rejected(m_workspace);
            if (!rejected.restore(key))
                return false;
            Q_EMIT suggestionRestored(key);
            return true;
        }));
}
