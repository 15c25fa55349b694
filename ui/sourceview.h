#pragma once

#include <QDialog>

class QPlainTextEdit;
class Workspace;
struct ArticleSummary;
namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

// The bytes an article was imported from (HTML, Markdown or text), decoded as the importer
// decoded them and highlighted with KSyntaxHighlighting's own definition for the format.
class SourceView : public QDialog
{
    Q_OBJECT
public:
    SourceView(const ArticleSummary &article, const QByteArray &original, QWidget *parent = nullptr);

    // Opens the source of an article in a window of its own; false when the workspace has no
    // such article.
    static bool open(Workspace *workspace, qint64 articleId, QWidget *parent);

    QPlainTextEdit *textView() const { return m_text; }
    // The KSyntaxHighlighting definition used ("HTML", "Markdown"), empty for plain text.
    QString definitionName() const;

private:
    QPlainTextEdit *m_text;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
};
