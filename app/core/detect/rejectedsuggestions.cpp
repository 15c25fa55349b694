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
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO rejected_suggestions(key, kind, label, rejected) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(key) DO NOTHING"));
    q.addBindValue(suggestion.key);
    q.addBindValue(kindKey(suggestion.kind));
    q.addBindValue(suggestion.label.isNull() ? QStringLiteral("") : suggestion.label);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        m_lastError = q.lastError().databaseText();
        return false;
    }
    return true;
}

bool RejectedSuggestions::restore(const QByteArray &key)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM rejected_suggestions WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        m_lastError = q.lastError().databaseText();
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

QList<Suggestion> RejectedSuggestions::withoutRejected(const QList<Suggestion> &suggestions) const
{
    const QSet<QByteArray> rejected = keys();
    QList<Suggestion> result;
    for (const Suggestion &s : suggestions) {
        if (!rejected.contains(s.key))
            result.append(s);
    }
    return result;
}

} // namespace Detect
