#pragma once

#include "suggestion.h"

#include <QByteArray>
#include <QSet>
#include <QString>

class Workspace;

namespace Detect {

// The suggestions a reader rejected in one workspace, kept in its file (tables
// rejected_suggestions and rejected_passages) so that they stay rejected across detection runs
// and restarts. Keys are Suggestion::key; with each the keys of its passages are kept, so that a
// group that grows by a new article does not bring back the passages already rejected (see
// withoutRejected). Every call is committed before it returns; use it on the workspace's thread.
class RejectedSuggestions
{
public:
    explicit RejectedSuggestions(Workspace *workspace);

    // Marks a suggestion rejected; rejecting it again changes nothing and succeeds.
    bool reject(const Suggestion &suggestion);
    // Takes a rejection back (for undo).
    bool restore(const QByteArray &key);
    bool isRejected(const QByteArray &key) const;
    QSet<QByteArray> keys() const;
    // The keys of the passages of every rejected suggestion.
    QSet<QByteArray> passageKeys() const;
    // The suggestions of a run that the reader has not rejected: rejected ones dropped, and the
    // rejected passages taken out of the others (see Detect::withoutPassages).
    QList<Suggestion> withoutRejected(const QList<Suggestion> &suggestions) const;

    QString lastError() const { return m_lastError; }

private:
    QString m_connection;
    mutable QString m_lastError;
};

} // namespace Detect
