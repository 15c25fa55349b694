#include "searchpanel.h"

#include "roles.h"
#include "searchresultdelegate.h"
#include "searchresultsmodel.h"
#include "workspace.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
// Long enough to skip the searches of a word half typed, short enough to feel immediate.
constexpr int TypingPauseMs = 150;
} // namespace

SearchPanel::SearchPanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("searchPanel"));
    m_model = new SearchResultsModel(this);

    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search all articles"));
    m_query->setClearButtonEnabled(true);
    m_query->installEventFilter(this);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_results = new QTreeView(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setHeaderHidden(true);
    m_results->setUniformRowHeights(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->installEventFilter(this);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(TypingPauseMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchPanel::runQuery);
    connect(m_query, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            runQuery(); // clearing is instant and cheap
        else
            m_debounce->start();
    });

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_results->expandAll();
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under, int first, int last) {
        if (!under.isValid()) {
            for (int row = first; row <= last; ++row)
                m_results->expand(m_model->index(row, 0));
        }
        updateStatus();
    });
    connect(m_results, &QTreeView::activated, this, &SearchPanel::jumpTo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    layout->addWidget(m_query);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    setFocusProxy(m_query);

    setWorkspace(workspace);
}

void SearchPanel::setWorkspace(Workspace *workspace)
{
    m_model->setWorkspace(workspace);
}

void SearchPanel::startSearch()
{
    QWidget *focus = QApplication::focusWidget();
    if (focus && focus != this && !isAncestorOf(focus))
        m_returnFocus = focus;
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        leave();
        return true;
    }
    if (watched != m_query)
        return QWidget::eventFilter(watched, event);
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        runQuery();
        step(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
        // Focus stays here, so Return again goes on to the next match.
        m_query->setFocus();
        return true;
    case Qt::Key_Down:
        runQuery();
        if (m_model->rowCount() == 0)
            return true;
        if (!m_results->currentIndex().isValid())
            m_results->setCurrentIndex(neighbourMatch({}, 1));
        m_results->setFocus(Qt::TabFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void SearchPanel::runQuery()
{
    m_debounce->stop();
    m_model->setQuery(m_query->text());
    updateStatus();
}

void SearchPanel::updateStatus()
{
    const int matches = m_model->matchCount();
    const int articles = m_model->rowCount();
    if (SearchableText::prepareQuery(m_model->query()).isEmpty())
        m_status->clear();
    else if (matches == 0)
        m_status->setText(tr("No matches"));
    else if (matches == 1)
        m_status->setText(tr("1 match in 1 article"));
    else if (articles == 1)
        m_status->setText(tr("%1 matches in 1 article").arg(matches));
    else
        m_status->setText(tr("%1 matches in %2 articles").arg(matches).arg(articles));
}

void SearchPanel::jumpTo(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // An article row stands for its first match.
    const QModelIndex match = index.parent().isValid() ? index : m_model->index(0, 0, index);
    if (!match.isValid())
        return;
    Q_EMIT jumpRequested(match.data(Roles::ArticleIdRole).toLongLong(), match.data(Roles::MatchStartRole).toInt(),
                         match.data(Roles::MatchEndRole).toInt());
}

void SearchPanel::step(int delta)
{
    const QModelIndex next = neighbourMatch(m_results->currentIndex(), delta);
    if (!next.isValid())
        return;
    m_results->setCurrentIndex(next);
    m_results->scrollTo(next);
    jumpTo(next);
}

QModelIndex SearchPanel::neighbourMatch(const QModelIndex &from, int delta) const
{
    const int articles = m_model->rowCount();
    if (articles == 0)
        return {};
    auto edgeOf = [this, delta](int article) {
        const QModelIndex parent = m_model->index(article, 0);
        return m_model->index(delta > 0 ? 0 : m_model->rowCount(parent) - 1, 0, parent);
    };
    if (!from.isValid())
        return edgeOf(delta > 0 ? 0 : articles - 1);
    if (!from.parent().isValid()) // an article row: its first match, or the previous article's last
        return delta > 0 ? edgeOf(from.row()) : edgeOf((from.row() - 1 + articles) % articles);
    const QModelIndex parent = from.parent();
    const int row = from.row() + delta;
    if (row >= 0 && row < m_model->rowCount(parent))
        return m_model->index(row, 0, parent);
    return edgeOf((parent.row() + delta + articles) % articles);
}

void SearchPanel::leave()
{
    Q_EMIT closeRequested();
    if (m_returnFocus)
        m_returnFocus->setFocus(Qt::OtherFocusReason);
}
