#include "panestrip.h"

#include "articlelistmodel.h"
#include "readingpane.h"
#include "workspace.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QScrollBar>
#include <QTextBrowser>

PaneStrip::PaneStrip(QWidget *parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("paneStrip"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // Each pane scrolls its own text; the strip only scrolls sideways.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    m_strip = new QWidget(this);
    m_layout = new QHBoxLayout(m_strip);
    m_layout->setContentsMargins(8, 8, 8, 8);
    m_layout->setSpacing(8);
    m_empty = new QLabel(m_strip);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->hide(); // its rich text is laid out only when there is nothing else to show
    m_layout->addWidget(m_empty);
    setWidget(m_strip);
    // Panes load their text when they come into view: the strip paints before its panes do.
    m_strip->installEventFilter(this);
}

bool PaneStrip::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_strip && event->type() == QEvent::Paint) {
        loadVisiblePanes();
        Q_EMIT painting();
    }
    return QScrollArea::eventFilter(watched, event);
}

void PaneStrip::loadVisiblePanes()
{
    // The part of the strip the viewport shows, in the strip's coordinates, and around it a
    // viewport's width on either side: panes there are shown (a scroll or a wider window brings
    // them in at once), panes further off stay hidden in their place, with no events, polish or
    // painting for a thousand frames nobody sees.
    const QRect shown(-m_strip->pos(), viewport()->size());
    const QRect near = shown.adjusted(-shown.width(), 0, shown.width(), 0);
    for (int i = 0; i < m_layout->count(); ++i) {
        auto *pane = qobject_cast<ReadingPane *>(m_layout->itemAt(i)->widget());
        if (!pane)
            continue;
        const QRect place = pane->geometry();
        if (pane->isHidden() && place.intersects(near))
            pane->show();
        if (!pane->isLoaded() && place.intersects(shown))
            pane->ensureLoaded();
    }
}

void PaneStrip::setModel(ArticleListModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &PaneStrip::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            for (int row = first; row <= last; ++row)
                syncRow(row);
            updateEmptyState();
        });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        syncRow(row);
                    updateEmptyState();
                });
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        delete paneFor(m_model->articleAt(row).id);
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this, &PaneStrip::updateEmptyState);
    }
    rebuild();
}

QList<ReadingPane *> PaneStrip::panes() const
{
    QList<ReadingPane *> result;
    for (int i = 0; i < m_layout->count(); ++i) {
        if (auto *pane = qobject_cast<ReadingPane *>(m_layout->itemAt(i)->widget()))
            result.append(pane);
    }
    return result;
}

ReadingPane *PaneStrip::paneFor(qint64 articleId) const
{
    for (ReadingPane *pane : panes()) {
        if (pane->articleId() == articleId)
            return pane;
    }
    return nullptr;
}

void PaneStrip::scrollToPane(qint64 articleId, bool focus)
{
    if (ReadingPane *pane = paneFor(articleId)) {
        // A pane added just now has no place yet, and the scroll range does not count it: lay the
        // strip out and let the scroll area fit it now, or this scrolls to where the pane is not.
        m_layout->activate();
        QEvent relayout(QEvent::LayoutRequest);
        QCoreApplication::sendEvent(this, &relayout);
        // Bring the whole pane into view when it fits, else at least its left edge and header.
        const int left = pane->x() - m_layout->contentsMargins().left();
        const int right = pane->x() + pane->width() + m_layout->contentsMargins().right();
        QScrollBar *bar = horizontalScrollBar();
        if (left < bar->value() || right - left > viewport()->width())
            bar->setValue(left);
        else if (right > bar->value() + viewport()->width())
            bar->setValue(right - viewport()->width());
        loadVisiblePanes(); // the panes now in view, this one among them, are shown and loaded
        if (focus)
            pane->textView()->setFocus();
    }
}

void PaneStrip::setStore(AnnotationStore *store)
{
    m_store = store;
    for (ReadingPane *pane : panes())
        pane->setStore(store);
}

ReadingPane *PaneStrip::focusedPane() const
{
    for (ReadingPane *pane : panes()) {
        if (pane->isAncestorOf(QApplication::focusWidget()))
            return pane;
    }
    return nullptr;
}

void PaneStrip::focusNeighbour(int delta)
{
    const QList<ReadingPane *> all = panes();
    if (all.isEmpty())
        return;
    qsizetype current = -1;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i)->isAncestorOf(QApplication::focusWidget()))
            current = i;
    }
    const qsizetype next = current < 0 ? 0 : std::clamp<qsizetype>(current + delta, 0, all.size() - 1);
    scrollToPane(all.at(next)->articleId());
}

void PaneStrip::setReadingCues(bool on)
{
    m_cues = on;
    for (ReadingPane *pane : panes())
        pane->setReadingCues(on);
}

void PaneStrip::rebuild()
{
    // Hidden while it fills: showing a pane in a visible strip lays out every pane so far, which
    // for a thousand panes is a million placements.
    const bool visible = m_strip->isVisibleTo(this);
    m_strip->hide();
    for (ReadingPane *pane : panes())
        delete pane;
    if (m_model) {
        // In model order, each before the empty-state label: no search for a place.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const ArticleSummary &article = m_model->articleAt(row);
            if (article.shown)
                addPane(article, m_layout->count() - 1);
        }
    }
    updateEmptyState();
    m_strip->setVisible(visible);
}

// Makes the pane of one model row match it: present when shown, absent when not, in model order.
void PaneStrip::syncRow(int row)
{
    const ArticleSummary &article = m_model->articleAt(row);
    ReadingPane *pane = paneFor(article.id);
    if (!article.shown) {
        delete pane;
        return;
    }
    if (pane) {
        pane->updateSummary(article);
        return;
    }
    // Insert before the first pane of a later row, so panes keep the list's order.
    int position = m_layout->count() - 1; // before the empty-state label
    const QList<ReadingPane *> existing = panes();
    for (int i = 0; i < existing.size(); ++i) {
        if (m_model->rowOf(existing.at(i)->articleId()) > row) {
            position = m_layout->indexOf(existing.at(i));
            break;
        }
    }
    addPane(article, position);
}

ReadingPane *PaneStrip::addPane(const ArticleSummary &article, int position)
{
    // The body is read and laid out only when the pane comes into view (or is asked for its text).
    QPointer<Workspace> ws = m_model->workspace();
    const qint64 id = article.id;
    auto *pane = new ReadingPane(article, [ws, id] { return ws ? ws->articleBody(id) : QString(); }, m_strip);
    pane->setStore(m_store);
    pane->setReadingCues(m_cues);
    connect(pane, &ReadingPane::highlightClicked, this, &PaneStrip::highlightClicked);
    connect(pane, &ReadingPane::contextMenuRequested, this,
            [this, pane](const QPoint &globalPos) { Q_EMIT contextMenuRequested(pane, globalPos); });
    // Its place in the strip is kept while it is hidden: it is shown when it comes near the view
    // (loadVisiblePanes), and until then costs its frame and nothing else.
    QSizePolicy policy = pane->sizePolicy();
    policy.setRetainSizeWhenHidden(true);
    pane->setSizePolicy(policy);
    pane->hide();
    m_layout->insertWidget(position, pane, 1);
    m_strip->update(); // its next paint shows it if it is near the view
    return pane;
}

void PaneStrip::showEvent(QShowEvent *event)
{
    updateEmptyState();
    QScrollArea::showEvent(event);
}

void PaneStrip::updateEmptyState()
{
    const bool empty = panes().isEmpty();
    // Set once the strip is on screen: a window that opens a workspace never lays it out.
    if (empty && isVisible() && m_empty->text().isEmpty())
        m_empty->setText(tr("<p style='font-size:large'>No article is shown.</p>"
                            "<p>Import articles with <b>File › Import Articles…</b> (Ctrl+I) or drop files here,<br>"
                            "or tick articles in the <b>Articles</b> list to show them side by side.</p>"));
    m_empty->setVisible(empty);
}
