#pragma once

#include "annotation.h"

#include <QObject>
#include <QPointer>

class AnnotationStore;
class QTextBrowser;

// Shows an article's highlights in its text view as character formats (not extra selections:
// those slow every repaint and do not print), coloured by their claim's status or tag, with the
// claim's title, status and note on hover. Follows the store: a change is repainted once, on the
// next turn of the event loop, however many signals it took.
class HighlightLayer : public QObject
{
    Q_OBJECT
public:
    HighlightLayer(QTextBrowser *view, AnnotationStore *store, qint64 articleId, QObject *parent = nullptr);

    // Highlights covering a position in the text (innermost first).
    // (Queries see every change already committed, even before the repaint has run.)
    QList<Highlight> highlightsAt(int position) const;
    const QList<Highlight> &highlights() const;
    // The claims a highlight is linked to.
    QList<qint64> claimsOf(qint64 highlightId) const;
    // The tooltip text for a position, empty outside highlights.
    QString describe(int position) const;

    void refreshNow();

Q_SIGNALS:
    void highlightClicked(qint64 highlightId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleRefresh();
    void refreshIfPending() const;
    QColor colourOf(const Highlight &h) const;

    QPointer<QTextBrowser> m_view;
    QPointer<AnnotationStore> m_store;
    qint64 m_articleId;
    QList<Highlight> m_highlights;
    QHash<qint64, QList<Appearance>> m_links;
    QHash<qint64, Claim> m_claims;
    QHash<qint64, QList<qint64>> m_claimTags;
    QList<Tag> m_tags;
    bool m_refreshPending = false;
};
