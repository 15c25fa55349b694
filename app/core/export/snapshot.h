#pragma once

#include "codepoints.h"

#include "annotation.h"
#include "article.h"
#include "coverage.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

class AnnotationStore;
class Workspace;

namespace Export {

// Called now and then from a running export with how far it got; returning false cancels it.
// It is called on the thread the export runs on.
using Progress = std::function<bool(int done, int total)>;

// How an export ended. A failed or cancelled export leaves nothing at the target path (and
// leaves a file that was there before as it was).
struct Result {
    QString error; // empty on success or cancel
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

struct ArticleData {
    ArticleSummary summary;
    QString body;
    // SHA-256 of the body as UTF-8, hex: identifies the text an annotation was made on.
    QByteArray digest;
};

struct ClaimData {
    Claim claim;
    QList<qint64> tags;
    QList<Evidence> evidence;
    int coverageRow = -1;
};

// Everything an export needs, read from the workspace on the thread that owns its connection and
// then handed, as plain values, to an export running on another thread.
struct Snapshot {
    QString title;
    QList<ArticleData> articles; // import order
    QList<Tag> tags;
    QList<ClaimData> claims; // creation order
    QList<Highlight> highlights; // by article, then position
    QHash<qint64, QList<Appearance>> linksOfHighlight;
    Coverage coverage;

    static Snapshot read(const Workspace &workspace, const AnnotationStore &store);

    const ArticleData *article(qint64 id) const;
    const ClaimData *claim(qint64 id) const;
    const Tag *tag(qint64 id) const;
    QString tagName(qint64 id) const;
    QString statusName(const Claim &claim) const; // empty without a status
    QStringList tagNames(const ClaimData &claim) const;
    // The colour a highlight is drawn in: its first claim with a colour, else the plain colour.
    QColor colourOf(const Highlight &highlight) const;
    bool isUnsupported(const Highlight &highlight) const;
    // Outlets (or headlines, for articles without one) of the articles that report a claim.
    QStringList reportedBy(qint64 claimId) const;
    int reportCount(qint64 claimId) const;
    QList<Highlight> highlightsOf(qint64 articleId) const;
    const Highlight *highlight(qint64 id) const;

private:
    QHash<qint64, int> m_articleIndex;
    QHash<qint64, int> m_claimIndex;
    QHash<qint64, int> m_highlightIndex;
    QHash<qint64, QList<int>> m_highlightsOfArticle;
};

// Writes bytes to path through a file beside it that replaces path only once complete.
Result writeAside(const QString &path, const QByteArray &bytes);

// The name annotations carry when the reader has not set one: their login name.
QString defaultAuthor();

} // namespace Export
