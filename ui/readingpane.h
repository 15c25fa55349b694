#pragma once

#include "article.h"

#include <QFrame>

class QLabel;
class QTextBrowser;

// One article in a column: outlet, headline and date on top, the body below, scrolling on its own.
class ReadingPane : public QFrame
{
    Q_OBJECT
public:
    ReadingPane(const ArticleSummary &article, const QString &body, QWidget *parent = nullptr);

    qint64 articleId() const { return m_article.id; }
    QString headline() const { return m_article.headline; }
    void updateSummary(const ArticleSummary &article);
    QTextBrowser *textView() const { return m_text; }
    // Selects [start, end) of the body and scrolls it into view.
    void showPassage(int start, int end);

private:
    void fillHeader();

    ArticleSummary m_article;
    QLabel *m_outlet = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_meta = nullptr;
    QTextBrowser *m_text = nullptr;
};
