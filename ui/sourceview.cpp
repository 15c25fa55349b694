#include "sourceview.h"

#include "article.h"
#include "readingcues.h"
#include "textdecoding.h"
#include "workspace.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

SourceView::SourceView(const ArticleSummary &article, const QByteArray &original, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sourceView"));
    setWindowTitle(tr("Source of %1").arg(article.sourceName));
    const bool html = article.format == QLatin1String("html");
    // As the importer read it: a byte order mark, else the charset the page declares, else UTF-8.
    const TextDecoding::Decoded decoded
        = TextDecoding::decode(original, html ? TextDecoding::declaredHtmlCharset(original) : QByteArray());

    auto *about = new QLabel(this);
    about->setObjectName(QStringLiteral("sourceAbout"));
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);
    const QString size = QLocale().formattedDataSize(original.size());
    about->setText(decoded.ok()
                       ? tr("%1 · %2 · %3 · as imported, before Parallax extracted the article")
                             .arg(article.sourceName, decoded.encoding, size)
                       : tr("%1 · %2 · cannot be shown as text: %3").arg(article.sourceName, size, decoded.error));

    m_text->setObjectName(QStringLiteral("sourceText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(TextDecoding::normalizeLineEndings(decoded.text));

    const QString definition = html                   ? QStringLiteral("HTML")
        : article.format == QLatin1String("markdown") ? QStringLiteral("Markdown")
                                                      : QString();
    KSyntaxHighlighting::Repository &repository = ReadingCues::repository();
    if (!definition.isEmpty() && repository.definitionForName(definition).isValid()) {
        m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_text->document());
        m_highlighter->setTheme(ReadingCues::themeFor(palette()));
        m_highlighter->setDefinition(repository.definitionForName(definition));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(860, 700);
}

QString SourceView::definitionName() const
{
    return m_highlighter ? m_highlighter->definition().name() : QString();
}

bool SourceView::open(Workspace *workspace, qint64 articleId, QWidget *parent)
{
    const std::optional<ArticleSummary> article = workspace ? workspace->article(articleId) : std::nullopt;
    if (!article)
        return false;
    auto *view = new SourceView(*article, workspace->articleOriginal(articleId), parent);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return true;
}
