#include "annotationcontroller.h"

#include "annotationstore.h"
#include "annotator.h"
#include "claimdetails.h"
#include "claimpicker.h"
#include "claimsmodel.h"
#include "claimspanel.h"
#include "highlightlayer.h"
#include "panestrip.h"
#include "readingcues.h"
#include "readingpane.h"

#include <QAction>
#include <QMenu>
#include <QTextBrowser>

namespace {
QAction *makeAction(QObject *parent, const QString &name, const QString &text, const QKeySequence &keys)
{
    auto *a = new QAction(text, parent);
    a->setObjectName(name);
    a->setShortcut(keys);
    return a;
}
} // namespace

AnnotationController::AnnotationController(PaneStrip *panes, ClaimsPanel *panel, ClaimDetails *details,
                                           ClaimsModel *claims, QWidget *window)
    : QObject(window)
    , m_panes(panes)
    , m_panel(panel)
    , m_details(details)
    , m_claims(claims)
    , m_window(window)
{
    m_highlight = makeAction(this, QStringLiteral("highlight"), tr("&Highlight"), QKeySequence(tr("H")));
    m_link = makeAction(this, QStringLiteral("linkToClaim"), tr("&Link to Claim…"), QKeySequence(tr("L")));
    m_unsupported
        = makeAction(this, QStringLiteral("markUnsupported"), tr("Mark Claim &Unsupported"), QKeySequence(tr("U")));
    m_remove = makeAction(this, QStringLiteral("removeHighlight"), tr("&Remove Highlight"),
                          QKeySequence(QKeySequence::Delete));
    // Single letters act only while a reading pane has the focus, never while typing elsewhere.
    for (QAction *a : {m_highlight, m_link, m_unsupported, m_remove}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        panes->addAction(a);
    }
    m_statuses << m_unsupported;
    const struct {
        const char *name;
        const char *text;
        qint64 tag;
    } others[] = {
        {"markSupported", QT_TR_NOOP("Mark Claim &Supported"), Status::Supported},
        {"markDisputed", QT_TR_NOOP("Mark Claim &Disputed"), Status::Disputed},
        {"markNeedsCheck", QT_TR_NOOP("Mark Claim &Needs Check"), Status::NeedsCheck},
        {"clearStatus", QT_TR_NOOP("&Clear Claim Status"), 0},
    };
    for (const auto &o : others) {
        QAction *a = makeAction(this, QLatin1String(o.name), tr(o.text), {});
        const qint64 tag = o.tag;
        connect(a, &QAction::triggered, this, [this, tag] { setStatus(tag); });
        m_statuses << a;
    }
    m_next = makeAction(this, QStringLiteral("nextClaim"), tr("&Next Claim"), QKeySequence(tr("Alt+Down")));
    m_previous = makeAction(this, QStringLiteral("previousClaim"), tr("&Previous Claim"), QKeySequence(tr("Alt+Up")));

    connect(m_highlight, &QAction::triggered, this, &AnnotationController::highlightSelection);
    connect(m_link, &QAction::triggered, this, &AnnotationController::linkSelection);
    connect(m_unsupported, &QAction::triggered, this, [this] { setStatus(Status::Unsupported); });
    connect(m_remove, &QAction::triggered, this, &AnnotationController::removeHighlight);
    connect(m_next, &QAction::triggered, this, [this] { step(+1); });
    connect(m_previous, &QAction::triggered, this, [this] { step(-1); });

    connect(panel, &ClaimsPanel::claimChosen, this, [this](qint64 claim) { chooseClaim(claim); });
    connect(panel, &ClaimsPanel::appearanceChosen, this, &AnnotationController::chooseClaim);
    connect(panes, &PaneStrip::contextMenuRequested, this, [this](ReadingPane *pane, const QPoint &globalPos) {
        QMenu *menu = contextMenu(pane);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(globalPos);
    });
    connect(panes, &PaneStrip::highlightClicked, this, [this](qint64 highlightId) {
        if (!m_annotator)
            return;
        const QList<Appearance> links = m_annotator->store()->appearancesOfHighlight(highlightId);
        if (!links.isEmpty())
            chooseClaim(links.first().claimId, highlightId);
    });
    setAnnotator(nullptr);
}

void AnnotationController::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QAction *a : {m_highlight, m_link, m_remove})
        a->setEnabled(canEdit());
    for (QAction *a : std::as_const(m_statuses))
        a->setEnabled(canEdit());
}

void AnnotationController::setAnnotator(Annotator *annotator)
{
    m_annotator = annotator;
    m_current = 0;
    m_details->setAnnotator(annotator);
    const bool on = annotator != nullptr;
    for (QAction *a : {m_next, m_previous})
        a->setEnabled(on);
    for (QAction *a : {m_highlight, m_link, m_remove})
        a->setEnabled(canEdit());
    for (QAction *a : std::as_const(m_statuses))
        a->setEnabled(canEdit());
    if (annotator) {
        connect(annotator->store(), &AnnotationStore::claimRemoved, this, [this](qint64 id) {
            if (id == m_current)
                m_current = 0;
        });
        connect(annotator, &Annotator::failed, this, &AnnotationController::message);
    }
}

std::pair<int, int> AnnotationController::targetRange(ReadingPane *pane)
{
    const auto [start, end] = pane->selectedRange();
    if (start != end)
        return {start, end};
    if (HighlightLayer *layer = pane->highlightLayer()) {
        const QList<Highlight> here = layer->highlightsAt(pane->textView()->textCursor().position());
        if (!here.isEmpty())
            return {here.first().start, here.first().end};
    }
    return {start, end};
}

void AnnotationController::highlightSelection()
{
    ReadingPane *pane = m_panes->focusedPane();
    if (!canEdit() || !pane)
        return;
    const auto [start, end] = pane->selectedRange();
    if (start == end) {
        Q_EMIT message(tr("Select a passage in an article first, then press H."));
        return;
    }
    if (m_annotator->highlight(pane->articleId(), start, end))
        Q_EMIT message(tr("Highlighted. Press L to link it to a claim."));
}

void AnnotationController::linkSelection()
{
    ReadingPane *pane = m_panes->focusedPane();
    if (!canEdit() || !pane)
        return;
    const auto [start, end] = targetRange(pane);
    if (start == end) {
        Q_EMIT message(tr("Select a passage (or put the cursor in a highlight), then press L."));
        return;
    }
    const QString body = pane->bodyText();
    ClaimPicker picker(m_claims, body.mid(start, end - start), m_window);
    picker.setSuggestedWording(ReadingCues::suggestWording(body, start, end));
    if (picker.exec() != QDialog::Accepted)
        return;
    const Annotator::Link link = m_annotator->highlightAndLink(pane->articleId(), start, end, picker.chosenClaim(),
                                                               picker.newTitle(), picker.wording());
    if (link.ok()) {
        chooseClaim(link.claimId, link.highlightId);
        pane->textView()->setFocus();
    }
}

qint64 AnnotationController::claimForAction() const
{
    // The claim of the highlight under the cursor in the focused pane, else the current claim.
    if (ReadingPane *pane = m_panes->focusedPane(); pane && pane->highlightLayer()) {
        for (const Highlight &h : pane->highlightLayer()->highlightsAt(pane->textView()->textCursor().position())) {
            const QList<qint64> claims = pane->highlightLayer()->claimsOf(h.id);
            if (!claims.isEmpty())
                return claims.first();
        }
    }
    return m_current;
}

void AnnotationController::setStatus(qint64 statusTag)
{
    if (!canEdit())
        return;
    const qint64 claim = claimForAction();
    if (!claim) {
        Q_EMIT message(tr("Choose a claim first: link a passage to one (L) or pick one in the Claims panel."));
        return;
    }
    if (m_annotator->setStatus(claim, statusTag)) {
        const auto c = m_annotator->store()->claim(claim);
        const auto tag = m_annotator->store()->tag(statusTag);
        Q_EMIT message(tag ? tr("\u201C%1\u201D marked %2.").arg(c->title, tag->name)
                           : tr("Status of \u201C%1\u201D cleared.").arg(c->title));
    }
}

void AnnotationController::removeHighlight()
{
    ReadingPane *pane = m_panes->focusedPane();
    if (!canEdit() || !pane || !pane->highlightLayer())
        return;
    const QTextCursor cursor = pane->textView()->textCursor();
    const int position = cursor.hasSelection() ? cursor.selectionStart() : cursor.position();
    const QList<Highlight> here = pane->highlightLayer()->highlightsAt(position);
    if (here.isEmpty()) {
        Q_EMIT message(tr("Put the cursor in a highlight to remove it."));
        return;
    }
    if (m_annotator->removeHighlight(here.first().id))
        Q_EMIT message(tr("Highlight removed (Ctrl+Z brings it back)."));
}

void AnnotationController::step(int delta)
{
    const qint64 next = m_panel->neighbour(delta);
    if (next)
        chooseClaim(next);
}

void AnnotationController::chooseClaim(qint64 claimId, qint64 highlightId)
{
    m_current = claimId;
    m_panel->selectClaim(claimId, highlightId);
    m_details->setClaim(claimId);
    syncPanes(claimId, highlightId);
}

void AnnotationController::syncPanes(qint64 claimId, qint64 highlightId)
{
    if (!m_annotator)
        return;
    AnnotationStore *store = m_annotator->store();
    QHash<qint64, Highlight> first; // article → the appearance to show there
    for (const Appearance &a : store->appearancesOfClaim(claimId)) {
        const std::optional<Highlight> h = store->highlight(a.highlightId);
        if (!h || h->orphaned)
            continue;
        if (!first.contains(h->articleId) || h->id == highlightId)
            first.insert(h->articleId, *h);
    }
    qint64 lead = 0;
    for (ReadingPane *pane : m_panes->panes()) {
        if (!first.contains(pane->articleId())) {
            pane->clearSelection();
            continue;
        }
        const Highlight &h = first.value(pane->articleId());
        pane->showPassage(h.start, h.end);
        if (!lead || h.id == highlightId)
            lead = pane->articleId();
    }
    if (lead)
        m_panes->scrollToPane(lead, false);
}

QMenu *AnnotationController::contextMenu(ReadingPane *pane)
{
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("paneContextMenu"));
    QTextBrowser *view = pane->textView();
    QAction *copy = menu->addAction(tr("&Copy"), view, &QTextBrowser::copy);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(view->textCursor().hasSelection());
    menu->addSeparator();
    const auto [start, end] = targetRange(pane);
    m_highlight->setEnabled(canEdit() && view->textCursor().hasSelection());
    m_link->setEnabled(canEdit() && start != end);
    menu->addAction(m_highlight);
    menu->addAction(m_link);
    menu->addAction(m_remove);
    menu->addSeparator();
    for (QAction *a : std::as_const(m_statuses))
        menu->addAction(a);
    // Enabled again for the keys once the menu is gone.
    connect(menu, &QMenu::aboutToHide, this, [this] {
        m_highlight->setEnabled(canEdit());
        m_link->setEnabled(canEdit());
    });
    return menu;
}

void AnnotationController::showPassages(const QList<Detect::Passage> &passages)
{
    QHash<qint64, Detect::Passage> first;
    for (const Detect::Passage &p : passages) {
        if (!first.contains(p.articleId))
            first.insert(p.articleId, p);
    }
    for (ReadingPane *pane : m_panes->panes()) {
        if (first.contains(pane->articleId()))
            pane->showPassage(first.value(pane->articleId()).start, first.value(pane->articleId()).end);
        else
            pane->clearSelection();
    }
    if (!passages.isEmpty())
        m_panes->scrollToPane(passages.first().articleId, false);
}
