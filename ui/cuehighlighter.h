#pragma once

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QTextCharFormat>

// Paints reading cues (quotations, attributions, hedges, figures, dates) in a reading pane's
// document with the news-prose grammar and the KSyntaxHighlighting theme that fits the palette.
// Cues are layout formats, not character formats: the document's own formats (user highlights,
// which are backgrounds) are untouched, and deleting the highlighter removes every cue.
// Cues use colour, weight and underline only, never a background, and are toned towards the
// text colour so that hours of reading stay calm. The definition and theme come from
// ReadingCues::repository(), which outlives every highlighter.
class CueHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT
public:
    CueHighlighter(QTextDocument *document, const QPalette &palette);

    // Chooses the theme for a (light or dark) palette and repaints.
    void setPalette(const QPalette &palette);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    QTextCharFormat cueFormat(const KSyntaxHighlighting::Format &format) const;

    QColor m_text;
    QHash<int, QTextCharFormat> m_formats; // by format id, for the current theme
};
