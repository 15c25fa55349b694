#pragma once

#include "article.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

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
    static std::unique_ptr<Workspace> open(const QString &path, QString *error);
    ~Workspace() override;

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

private:
    Workspace(QString path, QString connection);
    bool fail(const QString &message) const;

    QString m_path;
    QString m_connection;
    mutable QString m_lastError;
};
