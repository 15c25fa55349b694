#include "claimdetails.h"

#include "annotationstore.h"
#include "annotator.h"

#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace {
QIcon swatch(const QColor &colour)
{
    QPixmap p(12, 12);
    p.fill(colour);
    return QIcon(p);
}
} // namespace

ClaimDetails::ClaimDetails(QWidget *parent)
    : QWidget(parent)
    , m_empty(new QLabel(tr("Choose a claim to see and edit its details."), this))
    , m_form(new QWidget(this))
    , m_title(new QLineEdit(m_form))
    , m_status(new QComboBox(m_form))
    , m_tags(new QListWidget(m_form))
    , m_note(new QPlainTextEdit(m_form))
    , m_noteTimer(new QTimer(this))
    , m_evidence(new QListWidget(m_form))
    , m_evidenceUrl(new QLineEdit(m_form))
    , m_evidenceNote(new QLineEdit(m_form))
    , m_removeEvidence(new QPushButton(tr("Remove"), m_form))
    , m_reports(new QLabel(m_form))
{
    setObjectName(QStringLiteral("claimDetails"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_title->setObjectName(QStringLiteral("claimTitle"));
    m_status->setObjectName(QStringLiteral("claimStatus"));
    m_tags->setObjectName(QStringLiteral("claimTags"));
    m_tags->setMaximumHeight(72);
    m_note->setObjectName(QStringLiteral("claimNote"));
    m_note->setPlaceholderText(tr("What is known about this claim, what to check…"));
    m_note->setTabChangesFocus(true);
    m_evidence->setObjectName(QStringLiteral("claimEvidence"));
    m_evidence->setMaximumHeight(72);
    m_evidenceUrl->setObjectName(QStringLiteral("evidenceUrl"));
    m_evidenceUrl->setPlaceholderText(tr("https://… (Enter adds it)"));
    m_evidenceNote->setPlaceholderText(tr("what it shows (optional)"));
    m_reports->setForegroundRole(QPalette::PlaceholderText);

    auto *newTag = new QPushButton(tr("New Tag…"), m_form);
    auto *addEvidence = new QPushButton(tr("Add"), m_form);
    auto *tagRow = new QHBoxLayout;
    tagRow->addWidget(m_tags, 1);
    tagRow->addWidget(newTag, 0, Qt::AlignTop);
    auto *evidenceRow = new QHBoxLayout;
    evidenceRow->addWidget(m_evidenceUrl, 2);
    evidenceRow->addWidget(m_evidenceNote, 1);
    evidenceRow->addWidget(addEvidence);
    auto *evidenceBox = new QVBoxLayout;
    evidenceBox->addWidget(m_evidence);
    evidenceBox->addLayout(evidenceRow);
    evidenceBox->addWidget(m_removeEvidence, 0, Qt::AlignRight);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Status:"), m_status);
    // Rows whose field is a layout need their label's buddy set by hand for the mnemonic to work.
    auto *tagsLabel = new QLabel(tr("T&ags:"), m_form);
    tagsLabel->setBuddy(m_tags);
    auto *evidenceLabel = new QLabel(tr("&Evidence:"), m_form);
    evidenceLabel->setBuddy(m_evidenceUrl);
    form->addRow(tagsLabel, tagRow);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(evidenceLabel, evidenceBox);
    form->addRow(QString(), m_reports);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_empty);
    layout->addWidget(m_form, 1);

    connect(m_title, &QLineEdit::editingFinished, this, &ClaimDetails::commitTitle);
    connect(m_status, &QComboBox::activated, this, [this] {
        if (m_annotator && m_claim)
            m_annotator->setStatus(m_claim, m_status->currentData().toLongLong());
    });
    connect(m_tags, &QListWidget::itemChanged, this, [this] {
        if (m_filling || !m_annotator || !m_claim)
            return;
        QList<qint64> ids;
        for (int i = 0; i < m_tags->count(); ++i) {
            if (m_tags->item(i)->checkState() == Qt::Checked)
                ids << m_tags->item(i)->data(Qt::UserRole).toLongLong();
        }
        m_annotator->setClaimTags(m_claim, ids);
    });
    // A note is saved shortly after typing pauses (and when focus leaves); the edits of one
    // sitting merge into one undo step.
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(700);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_filling)
            m_noteTimer->start();
    });
    connect(m_noteTimer, &QTimer::timeout, this, &ClaimDetails::commitNote);
    m_note->installEventFilter(this);
    connect(newTag, &QPushButton::clicked, this, &ClaimDetails::newTag);
    connect(addEvidence, &QPushButton::clicked, this, &ClaimDetails::addEvidence);
    connect(m_evidenceUrl, &QLineEdit::returnPressed, this, &ClaimDetails::addEvidence);
    connect(m_removeEvidence, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_evidence->currentItem(); item && m_annotator)
            m_annotator->removeEvidence(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_evidence, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *item) { m_removeEvidence->setEnabled(item != nullptr); });
    refresh();
}

void ClaimDetails::setAnnotator(Annotator *annotator)
{
    if (m_annotator)
        m_annotator->store()->disconnect(this);
    m_annotator = annotator;
    m_claim = 0;
    if (annotator) {
        AnnotationStore *store = annotator->store();
        auto follow = [this](qint64 id) {
            if (id == m_claim)
                refresh();
        };
        connect(store, &AnnotationStore::claimChanged, this, follow);
        connect(store, &AnnotationStore::claimRemoved, this, [this](qint64 id) {
            if (id == m_claim)
                setClaim(0);
        });
        connect(store, &AnnotationStore::appearanceAdded, this, [follow](qint64, qint64 c) { follow(c); });
        connect(store, &AnnotationStore::appearanceRemoved, this, [follow](qint64, qint64 c) { follow(c); });
        connect(store, &AnnotationStore::tagsChanged, this, &ClaimDetails::refresh);
    }
    refresh();
}

void ClaimDetails::setClaim(qint64 claimId)
{
    if (m_noteTimer->isActive()) {
        m_noteTimer->stop();
        commitNote(); // the note typed for the previous claim
    }
    m_claim = claimId;
    refresh();
}

void ClaimDetails::refresh()
{
    const std::optional<Claim> claim
        = m_annotator && m_claim ? m_annotator->store()->claim(m_claim) : std::optional<Claim>();
    m_empty->setVisible(!claim);
    m_form->setVisible(bool(claim));
    if (!claim)
        return;
    AnnotationStore *store = m_annotator->store();
    m_filling = true;
    if (!m_title->hasFocus() || m_title->text().isEmpty())
        m_title->setText(claim->title);
    m_status->clear();
    m_status->addItem(tr("No status"), qint64(0));
    const QList<Tag> tags = store->tags();
    const QList<qint64> chosen = store->tagsOfClaim(m_claim);
    m_tags->clear();
    for (const Tag &t : tags) {
        if (t.isStatus) {
            m_status->addItem(swatch(t.colour), t.name, t.id);
            continue;
        }
        auto *item = new QListWidgetItem(swatch(t.colour), t.name, m_tags);
        item->setData(Qt::UserRole, t.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(chosen.contains(t.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_status->setCurrentIndex(std::max(0, m_status->findData(claim->statusTag)));
    if (!m_note->hasFocus() && m_note->toPlainText() != claim->note)
        m_note->setPlainText(claim->note);
    m_evidence->clear();
    for (const Evidence &e : store->evidenceOf(m_claim)) {
        auto *item
            = new QListWidgetItem(e.note.isEmpty() ? e.url : QStringLiteral("%1 — %2").arg(e.url, e.note), m_evidence);
        item->setData(Qt::UserRole, e.id);
        item->setToolTip(e.url);
    }
    m_removeEvidence->setEnabled(m_evidence->currentItem() != nullptr);
    QSet<qint64> articles;
    const QList<Appearance> appearances = store->appearancesOfClaim(m_claim);
    for (const Appearance &a : appearances) {
        if (auto h = store->highlight(a.highlightId))
            articles.insert(h->articleId);
    }
    m_reports->setText(tr("Reported by %1 of %2 articles, %3 passages")
                           .arg(articles.size())
                           .arg(store->workspace() ? store->workspace()->articleCount() : 0)
                           .arg(appearances.size()));
    m_filling = false;
}

void ClaimDetails::commitTitle()
{
    if (!m_annotator || !m_claim)
        return;
    if (m_title->text().trimmed().isEmpty()) {
        refresh(); // a claim keeps a title
        return;
    }
    m_annotator->renameClaim(m_claim, m_title->text());
}

void ClaimDetails::commitNote()
{
    if (m_annotator && m_claim && m_annotator->store()->claim(m_claim))
        m_annotator->setClaimNote(m_claim, m_note->toPlainText());
}

void ClaimDetails::addEvidence()
{
    if (!m_annotator || !m_claim)
        return;
    const QString url = m_evidenceUrl->text().trimmed();
    if (url.isEmpty())
        return;
    if (m_annotator->addEvidence(m_claim, url, m_evidenceNote->text().trimmed())) {
        m_evidenceUrl->clear();
        m_evidenceNote->clear();
    }
}

void ClaimDetails::newTag()
{
    if (!m_annotator)
        return;
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("New Tag"), tr("Name of the new tag:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    const QColor colour
        = QColorDialog::getColor(QColor(0x2f, 0x80, 0xc0), this, tr("Colour of \u201C%1\u201D").arg(name));
    if (!colour.isValid())
        return;
    const qint64 id = m_annotator->store()->addTag(name, colour);
    if (id && m_claim) {
        QList<qint64> tags = m_annotator->store()->tagsOfClaim(m_claim);
        tags << id;
        m_annotator->setClaimTags(m_claim, tags);
    }
}

bool ClaimDetails::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_note && event->type() == QEvent::FocusOut && m_noteTimer->isActive()) {
        m_noteTimer->stop();
        commitNote();
    }
    return QWidget::eventFilter(watched, event);
}
