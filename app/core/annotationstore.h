#pragma once

#include "annotation.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <optional>

#include "workspace.h"

// Highlights, claims, appearances, tags and evidence of one workspace, in its SQLite file.
// Every call is committed before it returns, unless it runs inside a Batch, which commits all of
// its calls together or none. Signals report each change after its commit, never for a change
// that was rolled back, so models observing the store stay exactly in step with the file.
struct sqlite3;
struct sqlite3_stmt;

class AnnotationStore : public QObject
{
    Q_OBJECT
public:
    explicit AnnotationStore(Workspace *workspace, QObject *parent = nullptr);
    // A store that only reads, through a connection of its own (opened by the caller, in the
    // thread that uses it): for loading large lists on a worker.
    explicit AnnotationStore(const QString &connection, QObject *parent = nullptr);
    ~AnnotationStore() override;

    Workspace *workspace() const { return m_workspace; }
    QString lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }
    void setError(const QString &error) { m_lastError = error; }
    // Records why a step outside the store failed, for the Annotator to report.
    bool fail(const QString &message) const;

    // Several calls as one transaction: commit() keeps them, destruction without it undoes them.
    class Batch
    {
    public:
        explicit Batch(AnnotationStore &store);
        ~Batch();
        bool commit();
        // Whether the batch began (false: the workspace cannot be written, see lastError).
        bool isOpen() const { return m_open; }
        // Whether it began the transaction (and so checked, as it began, that the file can be
        // written), rather than a savepoint inside one.
        bool isOutermost() const { return m_outermost; }
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;

    private:
        AnnotationStore &m_store;
        bool m_outermost = false;
        bool m_open = false;
    };

    // A highlight of body[start, end) with its quote and context filled in.
    static Highlight makeHighlight(qint64 articleId, const QString &body, int start, int end);

    // Highlights. add* with id 0 makes a new one; with an id, puts that one back (redo).
    qint64 addHighlight(const Highlight &highlight);
    // Many highlights in one transaction through one prepared INSERT, announced by one
    // highlightsAdded when committed (not one highlightAdded each). All or nothing: returns
    // their ids in order, or an empty list (and lastError) when any of them cannot be added.
    QList<qint64> addHighlights(const QList<Highlight> &highlights);
    bool removeHighlight(qint64 id);
    bool setHighlightNote(qint64 id, const QString &note);
    std::optional<Highlight> highlight(qint64 id) const;
    // The highlight (not orphaned) of exactly article[start, end), if there is one.
    std::optional<Highlight> highlightAt(qint64 articleId, int start, int end) const;
    QList<Highlight> highlightsOf(qint64 articleId) const;
    QList<Highlight> allHighlights() const;
    // Every highlight with only its id, article, offsets and orphaned flag filled in (no text, no
    // times): a cheap read of the whole workspace for views that only place highlights.
    QList<Highlight> allHighlightPositions() const;
    HighlightSnapshot snapshotOfHighlight(qint64 id) const;
    bool restoreHighlight(const HighlightSnapshot &snapshot);

    // Claims.
    qint64 addClaim(const Claim &claim);
    bool updateClaim(const Claim &claim); // title, note, status
    bool removeClaim(qint64 id);
    std::optional<Claim> claim(qint64 id) const;
    std::optional<Claim> claimByTitle(const QString &title) const; // case-insensitive
    QList<Claim> claims() const; // in creation order
    int appearanceCount() const;
    ClaimSnapshot snapshotOfClaim(qint64 id) const;
    bool restoreClaim(const ClaimSnapshot &snapshot);

    // Appearances: a highlight linked to a claim.
    bool link(const Appearance &appearance);
    bool unlink(qint64 highlightId, qint64 claimId);
    bool setWording(qint64 highlightId, qint64 claimId, Wording wording);
    QList<Appearance> appearancesOfClaim(qint64 claimId) const;
    QList<Appearance> appearancesOfHighlight(qint64 highlightId) const;
    // Every appearance with the parts of its highlight a list of claims shows (id, article, span,
    // quote, note, orphaned; no context or times), in no particular order.
    QList<std::pair<Appearance, Highlight>> claimedHighlights() const;
    QList<Appearance> allAppearances() const;
    // The appearances of every highlight in one article, ordered by highlight.
    QList<Appearance> appearancesInArticle(qint64 articleId) const;

    // Tags; the claim statuses are built-in tags (see Status).
    QList<Tag> tags() const;
    std::optional<Tag> tag(qint64 id) const;
    std::optional<Tag> tagByName(const QString &name) const;
    qint64 addTag(const QString &name, const QColor &colour);
    QList<qint64> tagsOfClaim(qint64 claimId) const;
    // Every claim's tags (by claim id, each list in tag id order), in one query.
    QHash<qint64, QList<qint64>> allClaimTags() const;
    bool setClaimTags(qint64 claimId, const QList<qint64> &tagIds);

    // Evidence links of a claim.
    qint64 addEvidence(const Evidence &evidence);
    bool removeEvidence(qint64 id);
    QList<Evidence> evidenceOf(qint64 claimId) const;

    // Checks the anchors of an article's highlights against its text: a highlight whose offsets
    // no longer hold its quote is moved to where quote and context are found, or marked orphaned.
    // Returns how many highlights changed.
    int reanchor(qint64 articleId, const QString &body);

Q_SIGNALS:
    void highlightAdded(qint64 id, qint64 articleId);
    // Highlights added by addHighlights: the articles they are in, each once.
    void highlightsAdded(const QList<qint64> &articleIds);
    void highlightRemoved(qint64 id, qint64 articleId);
    void highlightChanged(qint64 id, qint64 articleId);
    void claimAdded(qint64 id);
    void claimRemoved(qint64 id);
    void claimChanged(qint64 id);
    void appearanceAdded(qint64 highlightId, qint64 claimId);
    void appearanceRemoved(qint64 highlightId, qint64 claimId);
    void appearanceChanged(qint64 highlightId, qint64 claimId);
    void tagsChanged();

private:
    bool begin();
    bool end(bool ok);
    void later(std::function<void()> emitter);
    QSqlQuery prepared(const QString &sql) const;
    // A statement that writes (no rows to read) kept prepared while a batch is open, so that a
    // batch of many calls prepares it once; the cache goes when the outermost batch ends.
    QSqlQuery &batchStatement(const QString &sql) const;
    sqlite3 *sqliteHandle() const;
    // A statement prepared on that handle (the caller finalizes it), or nullptr with lastError set.
    sqlite3_stmt *rawStatement(const char *sql) const;
    // The same, prepared once and kept (reset, its values cleared) until the store goes: for the
    // statements of one highlight, where Qt Sql's own work per call (a QVariant and a placeholder
    // name per value, the result's columns described anew) costs more than SQLite's. A store made
    // on a workspace finalizes them when the workspace closes; one made on a connection name must
    // go before its connection closes, or SQLite keeps that connection open.
    sqlite3_stmt *keptStatement(const char *sql) const;
    // Runs a kept statement that returns nothing; false with lastError set when it fails.
    bool stepKept(const char *sql);
    // Before the connection closes, and when the store goes.
    void finalizeKeptStatements();

    QPointer<Workspace> m_workspace;
    QString m_connection;
    int m_depth = 0;
    bool m_ownsTransaction = false; // the outermost batch began the transaction (BEGIN IMMEDIATE)
    mutable std::map<QString, QSqlQuery> m_batchStatements; // QSqlQuery moves, it does not copy
    mutable std::map<const char *, sqlite3_stmt *> m_keptStatements; // by the address of their text
    QList<std::function<void()>> m_pending;
    QList<qsizetype> m_pendingMarks;
    mutable QString m_lastError;
};
