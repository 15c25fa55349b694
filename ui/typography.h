#pragma once

#include <QFont>

// Fonts of the reading panes, chosen once so panes, list and headers agree.
namespace Typography {
QFont bodyFont(); // serif, for long reading
QFont headlineFont();
QFont outletFont(); // small caps label above the headline
QFont metaFont(); // date, author, source
inline constexpr int LineHeightPercent = 145;
inline constexpr int ParagraphSpacing = 12; // pixels after each paragraph
inline constexpr int MinPaneWidth = 340;
} // namespace Typography
