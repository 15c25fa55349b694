#include "claimpicker.h"

#include "claimsmodel.h"
#include "roles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

ClaimPicker::ClaimPicker(ClaimsModel *claims, const QString &suggestedTitle, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QSortFilterProxyModel(this))
    , m_text(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_wording(new QComboBox(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("claimPicker"));
    setWindowTitle(tr("Link to Claim"));
    m_filter->setSourceModel(claims);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(ClaimsModel::TitleColumn);
    m_filter->setRecursiveFilteringEnabled(false);

    m_text->setObjectName(QStringLiteral("claimFilter"));
    m_text->setPlaceholderText(tr("Type to find a claim, or a title for a new one"));
    m_text->setClearButtonEnabled(true);
    m_text->setText(suggestedTitle.simplified().left(120));
    m_text->selectAll();
    m_text->installEventFilter(this);

    m_list->setObjectName(QStringLiteral("claimList"));
    m_list->setModel(m_filter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);

    for (Wording w : allWordings())
        m_wording->addItem(wordingLabel(w), int(w));
    m_wording->setObjectName(QStringLiteral("wording"));
    m_wording->setCurrentIndex(m_wording->findData(int(Wording::Stated)));

    m_hint->setObjectName(QStringLiteral("pickerHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Link"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ClaimPicker::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClaimPicker::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Reported as:"), m_wording);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, 380);

    // Filtering by the whole suggested sentence would hide every claim: start unfiltered, with
    // the closest title preselected when one contains what was typed.
    connect(m_text, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.simplified());
        m_list->setCurrentIndex(m_filter->rowCount() > 0 && !text.isEmpty() ? m_filter->index(0, 0) : QModelIndex());
        updateHint();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ClaimPicker::updateHint);
    connect(m_list, &QListView::activated, this, &ClaimPicker::accept);
    updateHint();
}

QString ClaimPicker::newTitle() const
{
    return m_text->text().simplified();
}

Wording ClaimPicker::wording() const
{
    return Wording(m_wording->currentData().toInt());
}

void ClaimPicker::setSuggestedWording(Wording wording)
{
    m_wording->setCurrentIndex(m_wording->findData(int(wording)));
    m_wording->setToolTip(tr("Suggested from the quotation marks, attributions and hedges around the passage"));
}

void ClaimPicker::updateHint()
{
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid())
        m_hint->setText(tr("Enter links the passage to \u201C%1\u201D.").arg(current.data().toString()));
    else if (!newTitle().isEmpty())
        m_hint->setText(
            tr("Enter makes a new claim \u201C%1\u201D. Down arrow chooses an existing one.").arg(newTitle()));
    else
        m_hint->setText(tr("Type a title for a new claim, or choose one below."));
}

void ClaimPicker::accept()
{
    const QModelIndex current = m_list->currentIndex();
    m_chosen = current.isValid() ? current.data(Roles::ClaimIdRole).toLongLong() : 0;
    if (m_chosen == 0 && newTitle().isEmpty())
        return; // nothing to link to yet
    QDialog::accept();
}

bool ClaimPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down move through the list while typing continues in the line edit.
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int rows = m_filter->rowCount();
            if (rows == 0)
                return true;
            const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
            const int next = key->key() == Qt::Key_Down ? std::min(row + 1, rows - 1) : row - 1;
            m_list->setCurrentIndex(next >= 0 ? m_filter->index(next, 0) : QModelIndex());
            if (next < 0)
                m_list->selectionModel()->clearCurrentIndex();
            updateHint();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}
