#pragma once

#include "annotation.h"
#include "annotationstore.h"
#include "detect/suggestion.h"

#include <QCache>
#include <QObject>
#include <QUndoStack>

class AnnotationStore;
class Workspace;

// What a reader does to annotate, one undoable step per intent. The window's keys and menus, the
// command line and the tests all come through here: each call pushes one command on the undo
// stack, and the command's work is committed to the workspace before the call returns. A call
// that cannot be carried out changes nothing, leaves no step on the stack, and says why in
// lastError().
class Annotator : public QObject
{
    Q_OBJECT
public:
    explicit Annotator(Workspace *workspace, QObject *parent = nullptr);
    ~Annotator() override;

    AnnotationStore *store() const { return m_store; }
    QUndoStack *undoStack() const { return m_stack; }
    Workspace *workspace() const { return m_workspace; }
    QString lastError() const { return m_lastError; }

    // Highlights body[start, end) of an article (offsets in UTF-16 code units). Returns the
    // highlight's id; an identical highlight is reused rather than doubled.
    qint64 highlight(qint64 articleId, int start, int end);

    struct Link {
        qint64 highlightId = 0;
        qint64 claimId = 0;
        bool ok() const { return highlightId > 0 && claimId > 0; }
    };
    // Highlights a passage (or reuses the highlight already there) and links it to a claim: the
    // existing claim claimId, or, when claimId is 0, a new claim titled newTitle with status
    // statusTag. One step.
    Link highlightAndLink(qint64 articleId, int start, int end, qint64 claimId, const QString &newTitle = {},
                          Wording wording = Wording::Stated, qint64 statusTag = 0);
    bool link(qint64 highlightId, qint64 claimId, Wording wording = Wording::Stated);
    bool unlink(qint64 highlightId, qint64 claimId);
    bool setWording(qint64 highlightId, qint64 claimId, Wording wording);
    bool removeHighlight(qint64 highlightId);
    bool setHighlightNote(qint64 highlightId, const QString &note);

    // Accepts passages found by detection as appearances of one claim: each passage is
    // highlighted (or its highlight reused) and linked to claimId, or to a new claim titled
    // newTitle when claimId is 0. One step. Returns the claim, or 0.
    qint64 linkPassages(const QList<Detect::Passage> &passages, qint64 claimId, const QString &newTitle,
                        Wording wording);
    // Rejects a suggestion for good (kept in the workspace, so it stays rejected after a restart).
    // One step; undo takes the rejection back.
    bool rejectSuggestion(const Detect::Suggestion &suggestion);

    qint64 createClaim(const QString &title, const QString &note = {}, qint64 statusTag = 0);
    bool setStatus(qint64 claimId, qint64 statusTag); // 0 clears it
    bool renameClaim(qint64 claimId, const QString &title);
    bool setClaimNote(qint64 claimId, const QString &note);
    bool setClaimTags(qint64 claimId, const QList<qint64> &tagIds);
    bool removeClaim(qint64 claimId);
    qint64 addEvidence(qint64 claimId, const QString &url, const QString &note = {});
    bool removeEvidence(qint64 evidenceId);

Q_SIGNALS:
    // A step could not be done (the workspace refused the write); message says why.
    void failed(const QString &message);
    // A suggestion was rejected, or its rejection undone.
    void suggestionRejected(const QByteArray &key);
    void suggestionRestored(const QByteArray &key);

private:
    // Runs a command's first step and keeps it for undo; false (lastError, failed()) when it
    // changed nothing. around: a batch the step runs in, whose beginning checked the file.
    bool push(class AnnotationCommand *command, const AnnotationStore::Batch *around = nullptr);
    // Sets lastError from the store's (explained for the reader), clears the store's, emits
    // failed(); returns false.
    bool reportStoreFailure();
    // Pushes a step inside a batch begun around its lookups and commits the batch; refuses the
    // step when the batch could not begin, and takes it off the stack when the commit fails.
    bool pushInBatch(class AnnotationCommand *command, AnnotationStore::Batch &batch);
    QString bodyOf(qint64 articleId);
    Highlight existingOrNew(qint64 articleId, int start, int end, bool *exists);

    Workspace *m_workspace;
    QCache<qint64, QString> m_bodies{8 * 1024 * 1024}; // recent article bodies, by characters
    AnnotationStore *m_store;
    QUndoStack *m_stack;
    QString m_lastError;
};
