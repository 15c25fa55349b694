#include "suggestionspanel.h"

#include "detect/wordingdiff.h"
#include "detectionrunner.h"
#include "roles.h"
#include "suggestionsmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

SuggestionsPanel::SuggestionsPanel(SuggestionsModel *model, DetectionRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_runner(runner)
    , m_view(new QTreeView(this))
    , m_variants(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_detect(new QPushButton(tr("&Detect Again"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_accept(new QPushButton(tr("&Accept (A)"), this))
    , m_merge(new QPushButton(tr("&Merge (M)"), this))
    , m_reject(new QPushButton(tr("&Reject (R)"), this))
{
    setObjectName(QStringLiteral("suggestionsPanel"));
    m_view->setObjectName(QStringLiteral("suggestionsView"));
    m_view->setModel(model);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SuggestionsModel::LabelColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(SuggestionsModel::KindColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(SuggestionsModel::ArticlesColumn, QHeaderView::ResizeToContents);
    m_variants->setObjectName(QStringLiteral("suggestionVariants"));
    m_variants->setMaximumHeight(150);
    m_variants->setToolTip(tr("Each outlet's wording against the first: underlined words it adds, struck-out "
                              "words it drops"));
    m_status->setObjectName(QStringLiteral("suggestionsStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_accept->setObjectName(QStringLiteral("acceptSuggestion"));
    m_merge->setObjectName(QStringLiteral("mergeSuggestion"));
    m_reject->setObjectName(QStringLiteral("rejectSuggestion"));
    m_accept->setToolTip(tr("Make a claim of this group, each passage an appearance of it (A)"));
    m_merge->setToolTip(tr("Add these passages to the current claim (M)"));
    m_reject->setToolTip(tr("Not the same claim: hide it, also after a restart (R; Ctrl+Z brings it back)"));

    // Single keys while the list has the focus.
    auto key = [this](const QString &keys, QPushButton *button) {
        auto *a = new QAction(this);
        a->setShortcut(QKeySequence(keys));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, button, &QPushButton::click);
        addAction(a); // the whole panel: list and buttons
    };
    key(QStringLiteral("A"), m_accept);
    key(QStringLiteral("M"), m_merge);
    key(QStringLiteral("R"), m_reject);

    auto withCurrent = [this](auto signal) {
        return [this, signal] {
            if (const Detect::Suggestion *s = currentSuggestion())
                Q_EMIT(this->*signal)(*s);
        };
    };
    connect(m_accept, &QPushButton::clicked, this, withCurrent(&SuggestionsPanel::acceptRequested));
    connect(m_merge, &QPushButton::clicked, this, withCurrent(&SuggestionsPanel::mergeRequested));
    connect(m_reject, &QPushButton::clicked, this, withCurrent(&SuggestionsPanel::rejectRequested));
    connect(m_detect, &QPushButton::clicked, runner, &DetectionRunner::run);
    connect(m_cancel, &QPushButton::clicked, runner, &DetectionRunner::cancel);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        updateState();
        showVariants();
        const Detect::Suggestion *s = m_model->suggestionAt(current);
        if (!s)
            return;
        if (current.parent().isValid())
            Q_EMIT passagesChosen({s->passages.at(current.row())});
        else
            Q_EMIT passagesChosen(s->passages);
    });
    connect(runner, &DetectionRunner::started, this, [this] {
        m_progress->setRange(0, 0);
        m_progress->show();
        m_cancel->show();
        m_status->setText(tr("Looking for passages that several articles share…"));
    });
    connect(runner, &DetectionRunner::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(runner, &DetectionRunner::cancelled, this, [this] {
        m_status->setText(tr("Detection cancelled."));
        updateState();
    });
    connect(runner, &DetectionRunner::finished, this, &SuggestionsPanel::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &SuggestionsPanel::updateState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SuggestionsPanel::updateState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SuggestionsPanel::updateState);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_merge);
    buttons->addWidget(m_reject);
    buttons->addStretch();
    auto *run = new QHBoxLayout;
    run->setContentsMargins(0, 0, 0, 0);
    run->addWidget(m_status, 1);
    run->addWidget(m_cancel);
    run->addWidget(m_detect);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(run);
    layout->addWidget(m_progress);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_variants);
    layout->addLayout(buttons);
    updateState();
    showVariants();
}

const Detect::Suggestion *SuggestionsPanel::currentSuggestion() const
{
    return m_model->suggestionAt(m_view->currentIndex());
}

void SuggestionsPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateState();
}

void SuggestionsPanel::updateState()
{
    const bool running = m_runner->isRunning();
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    const bool chosen = currentSuggestion() != nullptr && !m_readOnly;
    m_accept->setEnabled(chosen);
    m_merge->setEnabled(chosen);
    m_reject->setEnabled(chosen);
    if (!running) {
        const int n = m_model->rowCount();
        m_status->setText(n == 0 ? tr("No suggestions: no passages are shared by two articles (or all were handled).")
                              : n == 1
                              ? tr("1 suggestion. A accepts, M merges into the current claim, R rejects.")
                              : tr("%1 suggestions. A accepts, M merges into the current claim, R rejects.").arg(n));
    }
}

void SuggestionsPanel::showVariants()
{
    QModelIndex group = m_view->currentIndex().siblingAtColumn(0);
    if (group.parent().isValid())
        group = group.parent();
    const int passages = group.isValid() ? m_model->rowCount(group) : 0;
    m_variants->setVisible(passages >= 2);
    if (passages < 2)
        return;
    // The wordings side by side, word by word, against the first outlet's.
    const QString base = m_model->index(0, 0, group).data(Roles::QuoteRole).toString();
    QString html = QStringLiteral("<table cellspacing=4>");
    for (int row = 0; row < passages; ++row) {
        const QModelIndex passage = m_model->index(row, 0, group);
        QString words;
        for (const WordingDiff::Token &t : WordingDiff::diff(base, passage.data(Roles::QuoteRole).toString())) {
            const QString text = t.text.toHtmlEscaped();
            if (t.op == WordingDiff::Token::Added)
                words += QStringLiteral("<u><b>%1</b></u> ").arg(text);
            else if (t.op == WordingDiff::Token::Dropped)
                words += QStringLiteral("<s><font color=gray>%1</font></s> ").arg(text);
            else
                words += text + QLatin1Char(' ');
        }
        html += QStringLiteral("<tr><td valign=top><b>%1</b></td><td>%2</td></tr>")
                    .arg(passage.data(Roles::OutletRole).toString().toHtmlEscaped(), words);
    }
    m_variants->setHtml(html + QStringLiteral("</table>"));
}
