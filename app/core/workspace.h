#pragma once

#include "article.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QSqlDatabase;
struct sqlite3;

// One investigation, stored in one SQLite file and saved as the reader works: every change is
// committed before the call that makes it returns. Opened through a named Qt Sql connection that
// belongs to the thread that opened it.
class Workspace : public QObject
{
    Q_OBJECT
public:
    // Opens the workspace at path, creating it when the file does not exist, and brings an older
    // file up to the current schema (after a backup copy beside it). Returns nullptr and sets
    // *error to a one-line message when the file is not a workspace, is damaged, or was written by
    // a newer Parallax; such a file is left untouched.
    //
    // A workspace is opened read-only, with the reason in readOnlyReason(), when its file or folder
    // cannot be written or when another Parallax process has it open: each process that can write
    // holds a lock on NAME-lock beside the file (an flock, which the system lets go of when the
    // process ends, even by kill -9, so a crash never leaves a stale lock).
    //
    // check: a file is checked page by page (PRAGMA quick_check, a few ms per MB) before it opens,
    // unless Check::Later says the caller runs checkIntegrity() itself, off its thread (the
    // window does, so that a large workspace paints first). The header, application id and format
    // are checked either way, and a file that needs upgrading is always checked before.
    enum class Check { BeforeOpening, Later };
    static std::unique_ptr<Workspace> open(const QString &path, QString *error, Check check = Check::BeforeOpening);
    // Checks the workspace file at path on a connection of its own (callable from any thread):
    // empty when it is sound, else a one-line message naming the damage. Reads only.
    static QString checkIntegrity(const QString &path);
    // SQLite's own handle of an open QSQLITE connection (QSqlDriver::handle()), or nullptr: for
    // what Qt Sql does not offer (file controls, statements kept prepared, binds without QVariant).
    static sqlite3 *sqliteHandleOf(const QSqlDatabase &db);
    // From now on the workspace refuses every change, with this reason (for a file found damaged
    // after it was opened).
    void setReadOnlyReason(const QString &reason) { m_readOnlyReason = reason; }
    ~Workspace() override;

    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // Why the workspace is read-only ("the file is read-only", "it is open in another Parallax
    // window (process 123)"...); empty when it can be written.
    QString readOnlyReason() const { return m_readOnlyReason; }

    // A reader's message for a write that SQLite refused (given SQLite's own text): the disk is
    // full, the file was moved or deleted while open, it is read-only... Ends with what happened
    // to the change (nothing of it was saved). When the file is gone from its place, everything
    // committed so far is first copied to rescuePath() (once), so that nothing acknowledged is lost.
    // Any other text (not about storage) is returned as it is.
    QString explainWriteFailure(const QString &sqliteText) const;
    // True when the file at path() is no longer the file this workspace opened (moved, deleted,
    // its folder removed).
    bool fileIsGone() const;
    QString rescuePath() const { return m_rescuePath; }

    QString path() const { return m_path; }
    QString connectionName() const { return m_connection; }

    QString title() const;
    bool setTitle(const QString &title);

    int articleCount() const;
    // All articles in import order, without bodies.
    QList<ArticleSummary> articles() const;
    std::optional<ArticleSummary> article(qint64 id) const;
    QString articleBody(qint64 id) const;
    QByteArray articleOriginal(qint64 id) const;

    struct AddResult {
        qint64 id = 0; // the new article, or the one that already held these bytes
        bool duplicate = false;
        QString error; // empty on success
        bool ok() const { return error.isEmpty() && !duplicate; }
    };
    // Stores the drafts in one transaction, each one whole or not at all. A draft whose original
    // bytes are already in the workspace is not added again (duplicate).
    QList<AddResult> addArticles(const QList<ArticleDraft> &drafts);

    bool setArticleShown(qint64 id, bool shown);

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void articlesAdded(const QList<qint64> &ids);
    void articleChanged(qint64 id);
    void titleChanged(const QString &title);
    // The connection is about to close: whoever keeps statements prepared on it finalizes them
    // now (SQLite will not close a connection that still has some).
    void closing();

private:
    Workspace(QString path, QString connection);
    bool fail(const QString &message) const;

    QString m_path;
    QString m_connection;
    mutable QString m_lastError;
    QString m_readOnlyReason;
    QString m_lockKey; // the lock this workspace holds (shared by the process), or empty
    quint64 m_inode = 0;
    QByteArray m_encodedPath; // m_path for the system's calls, made once: each write checks it
    mutable QString m_rescuePath;
    QHash<qint64, bool> m_shownInMemory; // read-only: articles shown or hidden since opening
};
