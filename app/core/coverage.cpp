#include "coverage.h"

#include "annotationstore.h"
#include "workspace.h"

#include <QSet>

#include <algorithm>

Coverage Coverage::compute(const AnnotationStore &store, const QList<ArticleSummary> &articles)
{
    Coverage c;
    c.m_articles = articles;
    for (int i = 0; i < articles.size(); ++i)
        c.m_columnOf.insert(articles.at(i).id, i);
    // Three queries for the whole matrix rather than some per claim: a workspace may hold
    // hundreds of claims.
    QHash<qint64, Placed> highlights;
    for (const Highlight &h : store.allHighlightPositions())
        highlights.insert(h.id, {h.articleId, h.start});
    QHash<qint64, QList<Appearance>> byClaim;
    for (const Appearance &a : store.allAppearances())
        byClaim[a.claimId].append(a);
    for (const Claim &claim : store.claims())
        c.m_rows.append(c.makeRow(claim, byClaim.value(claim.id), highlights));
    return c;
}

int Coverage::claimIndex(qint64 claimId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).claim.id == claimId)
            return i;
    }
    return -1;
}

int Coverage::articleIndex(qint64 articleId) const
{
    return m_columnOf.value(articleId, -1);
}

Coverage::Cell Coverage::cell(int claimIndex, int articleIndex) const
{
    return m_rows.at(claimIndex).cells.at(articleIndex);
}

int Coverage::appearanceCount(int claimIndex) const
{
    int n = 0;
    for (const Cell &cell : m_rows.at(claimIndex).cells)
        n += int(cell.size());
    return n;
}

int Coverage::claimInsertionIndex(qint64 claimId) const
{
    // Rows follow the store's claim order, which is by id; a claim put back by undo keeps its old id.
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), claimId,
                                     [](const Row &row, qint64 id) { return row.claim.id < id; });
    return int(at - m_rows.cbegin());
}

int Coverage::insertClaim(const AnnotationStore &store, qint64 claimId)
{
    if (claimIndex(claimId) >= 0)
        return -1;
    const std::optional<Claim> claim = store.claim(claimId);
    if (!claim)
        return -1;
    const int index = claimInsertionIndex(claimId);
    m_rows.insert(index, rowFromStore(store, *claim));
    return index;
}

int Coverage::refreshClaim(const AnnotationStore &store, qint64 claimId)
{
    const int index = claimIndex(claimId);
    if (index < 0)
        return -1;
    const std::optional<Claim> claim = store.claim(claimId);
    if (!claim)
        return -1;
    m_rows[index] = rowFromStore(store, *claim);
    return index;
}

int Coverage::removeClaim(qint64 claimId)
{
    const int index = claimIndex(claimId);
    if (index >= 0)
        m_rows.removeAt(index);
    return index;
}

Coverage::Row Coverage::rowFromStore(const AnnotationStore &store, const Claim &claim) const
{
    const QList<Appearance> appearances = store.appearancesOfClaim(claim.id);
    QHash<qint64, Placed> highlights;
    for (const Appearance &a : appearances) {
        if (const std::optional<Highlight> h = store.highlight(a.highlightId))
            highlights.insert(h->id, {h->articleId, h->start});
    }
    return makeRow(claim, appearances, highlights);
}

Coverage::Row Coverage::makeRow(const Claim &claim, const QList<Appearance> &appearances,
                                const QHash<qint64, Placed> &highlights) const
{
    Row row;
    row.claim = claim;
    row.cells.resize(m_articles.size());
    QList<QList<int>> starts(m_articles.size());
    for (const Appearance &a : appearances) {
        const auto h = highlights.constFind(a.highlightId);
        if (h == highlights.cend())
            continue;
        const int column = articleIndex(h->articleId);
        if (column < 0)
            continue; // an article the matrix does not show
        // Keep each cell in reading order, whatever order the appearances came in.
        QList<int> &s = starts[column];
        const auto at = std::upper_bound(s.begin(), s.end(), h->start);
        const qsizetype i = at - s.begin();
        s.insert(i, h->start);
        row.cells[column].insert(i, {a.highlightId, a.wording});
    }
    QSet<QString> outlets;
    for (int column = 0; column < m_articles.size(); ++column) {
        if (row.cells.at(column).isEmpty())
            continue;
        ++row.reportCount;
        const QString outlet = m_articles.at(column).outlet.trimmed().toCaseFolded();
        if (outlet.isEmpty())
            ++row.outletCount;
        else if (!outlets.contains(outlet)) {
            outlets.insert(outlet);
            ++row.outletCount;
        }
    }
    return row;
}
