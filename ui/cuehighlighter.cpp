#include "cuehighlighter.h"

#include "readingcues.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <algorithm>

#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>

namespace {
// Theme colours are made for code, read in short glances; prose is read for hours. Part of the
// way to the text colour keeps the hue and loses the glare.
QColor toned(const QColor &cue, const QColor &text)
{
    constexpr float Cue = 0.65f;
    return QColor::fromRgbF(Cue * cue.redF() + (1 - Cue) * text.redF(), Cue * cue.greenF() + (1 - Cue) * text.greenF(),
                            Cue * cue.blueF() + (1 - Cue) * text.blueF());
}
} // namespace

CueHighlighter::CueHighlighter(QTextDocument *document, const QPalette &palette)
    : KSyntaxHighlighting::SyntaxHighlighter(document)
{
    setObjectName(QStringLiteral("cueHighlighter"));
    m_idle.setSingleShot(true);
    m_idle.setInterval(0);
    connect(&m_idle, &QTimer::timeout, this, &CueHighlighter::cueSlice);
    m_text = palette.color(QPalette::Text);
    setTheme(ReadingCues::themeFor(palette));
    // Setting the definition runs over the document, but no block is cued yet: a cheap pass.
    setDefinition(ReadingCues::definition());
}

void CueHighlighter::highlightBlock(const QString &text)
{
    if (currentBlock().blockNumber() >= m_cuedBlocks)
        return; // not its turn yet: it gets its cues from cueThrough
    KSyntaxHighlighting::SyntaxHighlighter::highlightBlock(text);
}

void CueHighlighter::cueThrough(int last)
{
    QTextDocument *doc = document();
    if (!doc)
        return;
    last = std::min(last, doc->blockCount() - 1);
    if (last < m_cuedBlocks)
        return;
    const int first = m_cuedBlocks;
    m_cuedBlocks = last + 1;
    // In order: each block starts from the state the block before it ended in.
    for (QTextBlock block = doc->findBlockByNumber(first); block.isValid() && block.blockNumber() <= last;
         block = block.next())
        rehighlightBlock(block);
    if (isComplete()) {
        m_idle.stop();
        Q_EMIT completed();
    }
}

void CueHighlighter::cueRestWhenIdle()
{
    if (!isComplete())
        m_idle.start();
}

void CueHighlighter::cueAll()
{
    if (document())
        cueThrough(document()->blockCount() - 1);
}

bool CueHighlighter::isComplete() const
{
    return !document() || m_cuedBlocks >= document()->blockCount();
}

void CueHighlighter::cueSlice()
{
    cueThrough(m_cuedBlocks + SliceBlocks - 1);
    if (!isComplete())
        m_idle.start();
}

void CueHighlighter::setPalette(const QPalette &palette)
{
    const KSyntaxHighlighting::Theme theme = ReadingCues::themeFor(palette);
    if (theme.name() == this->theme().name() && palette.color(QPalette::Text) == m_text)
        return;
    m_text = palette.color(QPalette::Text);
    m_formats.clear();
    setTheme(theme);
    rehighlight();
}

void CueHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (length <= 0)
        return;
    // Every run of every paragraph comes through here: work each format out once.
    auto cached = m_formats.constFind(format.id());
    if (cached == m_formats.constEnd())
        cached = m_formats.insert(format.id(), cueFormat(format));
    // Plain text gets no format at all: every range splits the line's layout into more runs.
    if (!cached->properties().isEmpty())
        QSyntaxHighlighter::setFormat(offset, length, *cached);
}

QTextCharFormat CueHighlighter::cueFormat(const KSyntaxHighlighting::Format &format) const
{
    if (ReadingCues::kindsOfFormat(format.name()).isEmpty())
        return QTextCharFormat(); // plain text keeps the palette's colour, not the theme's
    const KSyntaxHighlighting::Theme theme = this->theme();
    const QColor colour = toned(format.textColor(theme), m_text);
    QTextCharFormat cue;
    if (format.isUnderline(theme)) {
        // Hedges: the words keep the text colour; a dotted line under them carries the cue.
        cue.setUnderlineStyle(QTextCharFormat::DotLine);
        cue.setUnderlineColor(colour);
        if (format.textStyle() != KSyntaxHighlighting::Theme::Warning)
            cue.setForeground(colour); // a hedge inside a quotation stays in the quotation's colour
    } else if (format.textColor(theme) != theme.textColor(KSyntaxHighlighting::Theme::Normal)) {
        cue.setForeground(colour);
    }
    if (format.isBold(theme))
        cue.setFontWeight(QFont::DemiBold); // bold shouts in a paragraph of serif text
    // Never a background, whatever the theme says: backgrounds are the reader's highlights.
    return cue;
}
