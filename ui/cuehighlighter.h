#pragma once

#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QTextCharFormat>
#include <QTimer>

// Paints reading cues (quotations, attributions, hedges, figures, dates) in a reading pane's
// document with the news-prose grammar and the KSyntaxHighlighting theme that fits the palette.
// Cues are layout formats, not character formats: the document's own formats (user highlights,
// which are backgrounds) are untouched, and deleting the highlighter removes every cue.
// Cues use colour, weight and underline only, never a background, and are toned towards the
// text colour so that hours of reading stay calm. The definition and theme come from
// ReadingCues::repository(), which outlives every highlighter.
//
// Cueing a block costs laying it out again with the cue formats, so a new highlighter cues no
// block until asked: the pane cues the blocks on screen before they are first painted
// (cueThrough) and the rest in idle slices afterwards (cueRestWhenIdle), in document order so
// that each block starts from the grammar state the block before it ended in.
class CueHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT
public:
    CueHighlighter(QTextDocument *document, const QPalette &palette);

    // Chooses the theme for a (light or dark) palette and repaints.
    void setPalette(const QPalette &palette);

    // Cues every block up to and including block number `last` that is not cued yet.
    void cueThrough(int last);
    // Cues the remaining blocks a slice at a time from the event loop, starting after the events
    // already waiting (the first paint among them).
    void cueRestWhenIdle();
    // Cues every remaining block now.
    void cueAll();
    // Whether every block of the document has its cues.
    bool isComplete() const;
    // How many blocks, from the first, have their cues.
    int cuedBlocks() const { return m_cuedBlocks; }

    // Blocks cued per idle slice: a few milliseconds of layout, short enough not to delay input.
    static constexpr int SliceBlocks = 8;

Q_SIGNALS:
    // Every block has its cues.
    void completed();

protected:
    void highlightBlock(const QString &text) override;
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    QTextCharFormat cueFormat(const KSyntaxHighlighting::Format &format) const;

    void cueSlice();

    QColor m_text;
    int m_cuedBlocks = 0; // blocks [0, m_cuedBlocks) take cues; the others wait their turn
    QTimer m_idle;
    QHash<int, QTextCharFormat> m_formats; // by format id, for the current theme
};
