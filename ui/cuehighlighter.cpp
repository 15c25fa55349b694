#include "cuehighlighter.h"

#include "readingcues.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QTextCharFormat>

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
    m_text = palette.color(QPalette::Text);
    setTheme(ReadingCues::repository().themeForPalette(palette));
    setDefinition(ReadingCues::definition());
}

void CueHighlighter::setPalette(const QPalette &palette)
{
    const KSyntaxHighlighting::Theme theme = ReadingCues::repository().themeForPalette(palette);
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
