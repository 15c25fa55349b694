#include "coverageview.h"

#include "coveragemodel.h"
#include "roles.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

CoverageView::CoverageView(CoverageModel *model, QWidget *parent)
    : QWidget(parent)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("coverageView"));
    m_sorted->setSourceModel(model);
    m_sorted->setSortRole(Qt::EditRole);
    m_table->setObjectName(QStringLiteral("coverageTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setDefaultSectionSize(96);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setMaximumWidth(360);
    m_table->verticalHeader()->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(true);

    auto *legend = new QLabel(
        tr("Q verbatim quote · P paraphrase · A attributed · H hedged · F stated as fact · empty: not reported. "
           "Stronger colour: stated more strongly. Click a cell to read the passage."),
        this);
    legend->setWordWrap(true);
    legend->setForegroundRole(QPalette::PlaceholderText);

    auto choose = [this](const QModelIndex &index) {
        if (!index.isValid() || index.column() < CoverageModel::FirstArticleColumn)
            return;
        Q_EMIT cellChosen(index.data(Roles::ClaimIdRole).toLongLong(), index.data(Roles::ArticleIdRole).toLongLong(),
                          index.data(Roles::HighlightIdRole).toLongLong());
    };
    connect(m_table, &QTableView::clicked, this, choose);
    connect(m_table, &QTableView::activated, this, choose);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_table, 1);
    layout->addWidget(legend);
}
