#include "suggestionscontroller.h"

#include "annotationcontroller.h"
#include "annotationstore.h"
#include "annotator.h"
#include "detect/rejectedsuggestions.h"
#include "detectionrunner.h"
#include "suggestionsmodel.h"
#include "suggestionspanel.h"

#include <QTimer>

SuggestionsController::SuggestionsController(SuggestionsModel *model, DetectionRunner *runner, SuggestionsPanel *panel,
                                             AnnotationController *annotation, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_runner(runner)
    , m_annotation(annotation)
{
    connect(runner, &DetectionRunner::finished, this, [this](const QList<Detect::Suggestion> &suggestions) {
        // A group that grew by a new article since the reader rejected it comes without the
        // passages already rejected; one with nothing new is left out by refreshExcluded.
        const QSet<QByteArray> rejectedPassages = m_annotator && m_annotator->workspace()
            ? Detect::RejectedSuggestions(m_annotator->workspace()).passageKeys()
            : QSet<QByteArray>();
        QList<Detect::Suggestion> shown;
        for (const Detect::Suggestion &s : suggestions)
            shown.append(Detect::withoutPassages(s, rejectedPassages).value_or(s));
        m_model->setSuggestions(shown, {});
        refreshExcluded();
    });
    connect(panel, &SuggestionsPanel::passagesChosen, annotation, &AnnotationController::showPassages);
    connect(panel, &SuggestionsPanel::acceptRequested, this, &SuggestionsController::accept);
    connect(panel, &SuggestionsPanel::mergeRequested, this, &SuggestionsController::merge);
    connect(panel, &SuggestionsPanel::rejectRequested, this, &SuggestionsController::reject);
}

void SuggestionsController::setAnnotator(Annotator *annotator)
{
    if (m_annotator) {
        m_annotator->disconnect(this);
        m_annotator->store()->disconnect(this);
        if (m_annotator->workspace())
            m_annotator->workspace()->disconnect(this);
    }
    m_annotator = annotator;
    m_model->setWorkspace(annotator ? annotator->workspace() : nullptr);
    m_runner->setWorkspace(annotator ? annotator->workspace() : nullptr);
    m_rejected.clear();
    if (!annotator)
        return;
    m_rejected = Detect::RejectedSuggestions(annotator->workspace()).keys();
    connect(annotator, &Annotator::suggestionRejected, this, [this](const QByteArray &key) {
        m_rejected.insert(key);
        scheduleRefresh();
    });
    connect(annotator, &Annotator::suggestionRestored, this, [this](const QByteArray &key) {
        m_rejected.remove(key);
        scheduleRefresh();
    });
    // Accepting (or undoing it) changes which suggestions are already claims.
    connect(annotator->store(), &AnnotationStore::appearanceAdded, this, &SuggestionsController::scheduleRefresh);
    connect(annotator->store(), &AnnotationStore::appearanceRemoved, this, &SuggestionsController::scheduleRefresh);
    connect(annotator->workspace(), &Workspace::articlesAdded, m_runner, &DetectionRunner::run);
    // The first run is started by the window once it has painted the workspace: the runner reads
    // every article body on this thread before its worker starts.
}

void SuggestionsController::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, &SuggestionsController::refreshExcluded);
}

void SuggestionsController::refreshExcluded()
{
    m_refreshPending = false;
    if (!m_annotator)
        return;
    // A suggestion is handled once one claim has an appearance over each of its passages.
    AnnotationStore *store = m_annotator->store();
    QHash<qint64, Highlight> highlights;
    for (const Highlight &h : store->allHighlights())
        highlights.insert(h.id, h);
    QHash<qint64, QList<Highlight>> byClaim;
    for (const Appearance &a : store->allAppearances())
        byClaim[a.claimId].append(highlights.value(a.highlightId));
    QSet<QByteArray> excluded = m_rejected;
    const QSet<QByteArray> rejectedPassages = Detect::RejectedSuggestions(m_annotator->workspace()).passageKeys();
    for (const Detect::Suggestion &s : m_model->allSuggestions()) {
        if (!Detect::withoutPassages(s, rejectedPassages)) {
            excluded.insert(s.key);
            continue;
        }
        for (const QList<Highlight> &claimed : std::as_const(byClaim)) {
            const bool all = std::all_of(s.passages.begin(), s.passages.end(), [&](const Detect::Passage &p) {
                return std::any_of(claimed.begin(), claimed.end(), [&](const Highlight &h) {
                    return h.articleId == p.articleId && h.start < p.end && p.start < h.end;
                });
            });
            if (all) {
                excluded.insert(s.key);
                break;
            }
        }
    }
    m_model->setExcluded(excluded);
}

void SuggestionsController::accept(const Detect::Suggestion &s)
{
    if (!m_annotator)
        return;
    const Wording wording = s.kind == Detect::Kind::Quote ? Wording::Verbatim : Wording::Stated;
    const qint64 claim = m_annotator->linkPassages(s.passages, 0, s.label, wording);
    if (claim) {
        m_annotation->chooseClaim(claim);
        Q_EMIT message(tr("Claim \u201C%1\u201D made from the suggestion; rename it in Claim Details.").arg(s.label));
    }
}

void SuggestionsController::merge(const Detect::Suggestion &s)
{
    if (!m_annotator)
        return;
    const qint64 current = m_annotation->currentClaim();
    if (!current) {
        Q_EMIT message(tr("Choose the claim to merge into first (in the Claims panel), then press M."));
        return;
    }
    const Wording wording = s.kind == Detect::Kind::Quote ? Wording::Verbatim : Wording::Stated;
    if (m_annotator->linkPassages(s.passages, current, {}, wording))
        m_annotation->chooseClaim(current);
}

void SuggestionsController::reject(const Detect::Suggestion &s)
{
    if (m_annotator && m_annotator->rejectSuggestion(s))
        Q_EMIT message(tr("Suggestion rejected; Ctrl+Z brings it back."));
}
