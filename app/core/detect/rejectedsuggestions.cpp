#include "rejectedsuggestions.h"

#include "workspace.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Detect {

RejectedSuggestions::RejectedSuggestions(Workspace *workspace)
    : m_connection(workspace->connectionName())
{
}

bool RejectedSuggestions::reject(const Suggestion &suggestion)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_lastError = db.lastError().databaseText();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO rejected_suggestions(key, kind, label, rejected) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(key) DO NOTHING"));
    q.addBindValue(suggestion.key);
    q.addBindValue(kindKey(suggestion.kind));
    q.addBindValue(suggestion.label.isNull() ? QStringLiteral("") : suggestion.label);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    bool ok = q.exec();
    QSqlQuery p(db);
    p.prepare(QStringLiteral("INSERT INTO rejected_passages(suggestion_key, passage_key) VALUES (?, ?) "
                             "ON CONFLICT DO NOTHING"));
    for (qsizetype i = 0; ok && i < suggestion.passageKeys.size(); ++i) {
        p.addBindValue(suggestion.key);
        p.addBindValue(suggestion.passageKeys.at(i));
        ok = p.exec();
    }
    if (!ok) {
        m_lastError = (q.lastError().isValid() ? q.lastError() : p.lastError()).databaseText();
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().databaseText();
        db.rollback();
        return false;
    }
    return true;
}

bool RejectedSuggestions::restore(const QByteArray &key)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        m_lastError = db.lastError().databaseText();
        return false;
    }
    QSqlQuery q(db);
    // Its passages go with it (ON DELETE CASCADE needs foreign keys on; do not rely on it).
    q.prepare(QStringLiteral("DELETE FROM rejected_passages WHERE suggestion_key = ?"));
    q.addBindValue(key);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM rejected_suggestions WHERE key = ?"));
        q.addBindValue(key);
        ok = q.exec();
    }
    if (!ok || !db.commit()) {
        m_lastError = ok ? db.lastError().databaseText() : q.lastError().databaseText();
        db.rollback();
        return false;
    }
    return true;
}

bool RejectedSuggestions::isRejected(const QByteArray &key) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT 1 FROM rejected_suggestions WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next();
}

QSet<QByteArray> RejectedSuggestions::keys() const
{
    QSet<QByteArray> result;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key FROM rejected_suggestions"))) {
        m_lastError = q.lastError().databaseText();
        return result;
    }
    while (q.next())
        result.insert(q.value(0).toByteArray());
    return result;
}

QSet<QByteArray> RejectedSuggestions::passageKeys() const
{
    QSet<QByteArray> result;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT passage_key FROM rejected_passages"))) {
        m_lastError = q.lastError().databaseText();
        return result;
    }
    while (q.next())
        result.insert(q.value(0).toByteArray());
    return result;
}

QList<Suggestion> RejectedSuggestions::withoutRejected(const QList<Suggestion> &suggestions) const
{
    const QSet<QByteArray> rejected = keys();
    const QSet<QByteArray> passages = passageKeys();
    QList<Suggestion> result;
    for (const Suggestion &s : suggestions) {
        if (rejected.contains(s.key))
            continue;
        if (const std::optional<Suggestion> kept = withoutPassages(s, passages))
            result.append(*kept);
    }
    return result;
}

} // namespace Detect
