#include "readingpane.h"

#include "typography.h"

#include <QLabel>
#include <QLocale>
#include <QTextBlockFormat>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace {

// "2023-04-20T10:00:00Z" → "20 April 2023" in the reader's locale; anything else as given.
QString readableDate(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODate);
    QDate date = dt.isValid() ? dt.date() : QDate::fromString(iso.left(10), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QLocale::LongFormat) : iso;
}

} // namespace

ReadingPane::ReadingPane(const ArticleSummary &article, const QString &body, QWidget *parent)
    : QFrame(parent)
    , m_article(article)
{
    setObjectName(QStringLiteral("readingPane"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(Typography::MinPaneWidth);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    auto *header = new QWidget(this);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(22, 18, 22, 12);
    headerLayout->setSpacing(6);
    m_outlet = new QLabel(header);
    m_outlet->setObjectName(QStringLiteral("outlet"));
    m_outlet->setFont(Typography::outletFont());
    m_outlet->setForegroundRole(QPalette::Highlight); // the accent colour, softer than link blue
    m_headline = new QLabel(header);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setFont(Typography::headlineFont());
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta = new QLabel(header);
    m_meta->setObjectName(QStringLiteral("meta"));
    m_meta->setFont(Typography::metaFont());
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setWordWrap(true);
    headerLayout->addWidget(m_outlet);
    headerLayout->addWidget(m_headline);
    headerLayout->addWidget(m_meta);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setForegroundRole(QPalette::Mid);

    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("articleText"));
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setOpenLinks(false);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setAccessibleName(tr("Text of %1").arg(article.headline));

    // The document holds exactly the stored body: paragraph breaks are its only separators, so a
    // position in the document is an offset into the article text.
    QTextDocument *doc = m_text->document();
    doc->setDefaultFont(Typography::bodyFont());
    doc->setDocumentMargin(22);
    doc->setPlainText(body);
    QTextBlockFormat paragraph;
    paragraph.setLineHeight(Typography::LineHeightPercent, QTextBlockFormat::ProportionalHeight);
    paragraph.setBottomMargin(Typography::ParagraphSpacing);
    QTextCursor all(doc);
    all.select(QTextCursor::Document);
    all.mergeBlockFormat(paragraph);
    doc->clearUndoRedoStacks();
    doc->setModified(false);
    m_text->moveCursor(QTextCursor::Start); // a new pane opens at the top of the article

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(rule);
    layout->addWidget(m_text, 1);
    fillHeader();
}

void ReadingPane::updateSummary(const ArticleSummary &article)
{
    m_article = article;
    fillHeader();
}

void ReadingPane::fillHeader()
{
    const ArticleSummary &a = m_article;
    m_outlet->setText(a.outlet.isEmpty() ? a.sourceName : a.outlet);
    m_headline->setText(a.headline);
    QStringList meta;
    const QString date = readableDate(a.published);
    meta << (date.isEmpty() ? tr("Date unknown") : date);
    if (!a.author.isEmpty())
        meta << tr("by %1").arg(a.author);
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    QStringList tip;
    if (!a.url.isEmpty())
        tip << a.url;
    tip << tr("Imported from %1 on %2")
               .arg(a.sourceName, QLocale().toString(a.imported.toLocalTime(), QLocale::ShortFormat));
    m_meta->setToolTip(tip.join(QLatin1Char('\n')));
}

void ReadingPane::showPassage(int start, int end)
{
    // The document ends in a paragraph separator that is not part of the body.
    const int last = m_text->document()->characterCount() - 1;
    QTextCursor cursor(m_text->document());
    cursor.setPosition(std::clamp(start, 0, last));
    cursor.setPosition(std::clamp(end, 0, last), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->ensureCursorVisible();
}
