#pragma once

#include "annotation.h"
#include "article.h"

#include <QHash>
#include <QList>

class AnnotationStore;

// The coverage matrix: claims × articles, each cell the appearances of that claim in that article
// (empty when the article does not report it). A plain value computed from the store; it does not
// watch it. A model keeps one and, as the store reports changes, updates the row of the claim
// concerned (insertClaim / refreshClaim / removeClaim), recomputing everything only when the
// articles change.
class Coverage
{
public:
    // One appearance in a cell, in the order the passages come in the article.
    struct Entry {
        qint64 highlightId = 0;
        Wording wording = Wording::Stated;
        bool operator==(const Entry &) const = default;
    };
    using Cell = QList<Entry>;

    // Claims in creation order; articles in the order given (usually the workspace's import order).
    static Coverage compute(const AnnotationStore &store, const QList<ArticleSummary> &articles);

    int claimCount() const { return int(m_rows.size()); }
    int articleCount() const { return int(m_articles.size()); }
    const Claim &claim(int claimIndex) const { return m_rows.at(claimIndex).claim; }
    const ArticleSummary &article(int articleIndex) const { return m_articles.at(articleIndex); }
    int claimIndex(qint64 claimId) const; // -1 when absent
    int articleIndex(qint64 articleId) const; // -1 when absent

    Cell cell(int claimIndex, int articleIndex) const;
    // How many articles report the claim, and from how many outlets. Articles with no outlet
    // each count as an outlet of their own: an unknown source is not assumed to be another one.
    int reportCount(int claimIndex) const { return m_rows.at(claimIndex).reportCount; }
    int outletCount(int claimIndex) const { return m_rows.at(claimIndex).outletCount; }
    // All appearances of the claim in the matrix's articles.
    int appearanceCount(int claimIndex) const;

    // Where a claim not yet in the matrix goes, to announce the row before inserting it.
    int claimInsertionIndex(qint64 claimId) const;
    // Adds the row of a claim (at claimInsertionIndex) and returns its index; -1 when the store
    // has no such claim or the row is already there.
    int insertClaim(const AnnotationStore &store, qint64 claimId);
    // Reads the claim and its appearances again; returns its row, or -1 when it is not in the matrix.
    int refreshClaim(const AnnotationStore &store, qint64 claimId);
    // Drops the row of a claim; returns the index it had, or -1.
    int removeClaim(qint64 claimId);

private:
    struct Row {
        Claim claim;
        QList<Cell> cells; // one per article
        int reportCount = 0;
        int outletCount = 0;
    };
    struct Placed {
        qint64 articleId = 0;
        int start = 0;
    };
    Row makeRow(const Claim &claim, const QList<Appearance> &appearances,
                const QHash<qint64, Placed> &highlights) const;
    Row rowFromStore(const AnnotationStore &store, const Claim &claim) const;

    QList<ArticleSummary> m_articles;
    QHash<qint64, int> m_columnOf; // article id -> index
    QList<Row> m_rows;
};
