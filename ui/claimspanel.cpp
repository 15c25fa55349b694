#include "claimspanel.h"

#include "annotationstore.h"
#include "claimfiltermodel.h"
#include "claimsmodel.h"
#include "roles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

ClaimsPanel::ClaimsPanel(ClaimsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new ClaimFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("claimsPanel"));
    m_filter->setSourceModel(model);

    m_search->setObjectName(QStringLiteral("claimSearch"));
    m_search->setPlaceholderText(tr("Filter claims"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &ClaimFilterModel::setText);

    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    reloadTags();
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatus(m_status->currentData().toLongLong()); });
    connect(m_tag, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTag(m_tag->currentData().toLongLong()); });

    m_view->setObjectName(QStringLiteral("claimsView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // creation order until the reader sorts
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ClaimsModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ClaimsModel::StatusColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ClaimsModel::ReportsColumn, QHeaderView::ResizeToContents);
    // Those two columns fit the rows in view, not the first thousand (which each reset of a long
    // list would measure, text layout and all).
    m_view->header()->setResizeContentsPrecision(0);
    m_view->setToolTip(tr("Choose a claim to see it in every pane that reports it"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (m_selecting || !current.isValid())
            return;
        const qint64 claim = current.data(Roles::ClaimIdRole).toLongLong();
        if (current.data(Roles::IsClaimRole).toBool())
            Q_EMIT claimChosen(claim);
        else
            Q_EMIT appearanceChosen(claim, current.data(Roles::HighlightIdRole).toLongLong());
    });
    // New appearances show straight away under their claim.
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex &claim) {
        if (claim.isValid())
            m_view->expand(claim);
    });
    // A short list opens with every claim's appearances in view; a long one (a large workspace, or
    // a filter that matches many) stays collapsed, since expanding thousands of claims on every
    // reset or sort costs seconds: a claim expands when clicked, chosen or given an appearance.
    auto expandIfShort = [this] {
        if (m_filter->rowCount() <= ExpandAllUpTo)
            m_view->expandAll();
    };
    connect(m_filter, &QAbstractItemModel::modelReset, m_view, expandIfShort);
    connect(m_filter, &QAbstractItemModel::layoutChanged, m_view, expandIfShort);
    expandIfShort();

    m_empty->setObjectName(QStringLiteral("claimsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &ClaimsPanel::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ClaimsPanel::updateEmptyState);
    connect(model, &ClaimsModel::loadingChanged, this, &ClaimsPanel::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ClaimsPanel::updateEmptyState);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_tag, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    updateEmptyState();
}

void ClaimsPanel::updateEmptyState()
{
    const bool none = m_filter->rowCount() == 0;
    m_view->setVisible(!none);
    m_empty->setVisible(none);
    if (m_model->isLoading())
        m_empty->setText(tr("Loading claims…"));
    else
        m_empty->setText(m_model->rowCount() == 0
                             ? tr("No claims yet.\n\nSelect a passage in an article and press L to link it to a "
                                  "claim; H only highlights it.")
                             : tr("No claim matches these filters."));
}

void ClaimsPanel::reloadTags()
{
    const QSignalBlocker blockStatus(m_status), blockTag(m_tag);
    const QVariant status = m_status->currentData(), tag = m_tag->currentData();
    m_status->clear();
    m_tag->clear();
    m_status->addItem(tr("Any status"), ClaimFilterModel::AnyStatus);
    m_status->addItem(tr("No status"), ClaimFilterModel::NoStatus);
    m_tag->addItem(tr("Any tag"), ClaimFilterModel::AnyTag);
    if (AnnotationStore *store = m_model->store()) {
        for (const Tag &t : store->tags()) {
            QPixmap swatch(10, 10);
            swatch.fill(t.colour);
            if (t.isStatus)
                m_status->addItem(QIcon(swatch), t.name, t.id);
            else
                m_tag->addItem(QIcon(swatch), t.name, t.id);
        }
    }
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
    m_filter->setStatus(m_status->currentData().toLongLong());
    m_filter->setTag(m_tag->currentData().toLongLong());
}

qint64 ClaimsPanel::currentClaim() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(Roles::ClaimIdRole).toLongLong() : 0;
}

void ClaimsPanel::selectClaim(qint64 claimId, qint64 highlightId)
{
    const QModelIndex source
        = highlightId ? m_model->indexOfAppearance(claimId, highlightId) : m_model->indexOfClaim(claimId);
    const QModelIndex index = m_filter->mapFromSource(source);
    m_selecting = true;
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    } else {
        m_view->selectionModel()->clearSelection();
    }
    m_selecting = false;
}

qint64 ClaimsPanel::neighbour(int delta) const
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return 0;
    QModelIndex current = m_view->currentIndex();
    if (current.parent().isValid())
        current = current.parent();
    const int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : rows - 1);
    if (row < 0 || row >= rows)
        return 0;
    return m_filter->index(row, 0).data(Roles::ClaimIdRole).toLongLong();
}

void ClaimsPanel::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}
