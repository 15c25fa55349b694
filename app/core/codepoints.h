#pragma once

#include <QString>

#include <algorithm>

// Offsets leave the program (command line, exports) in Unicode code points: what scripts in most
// languages index strings by. Inside they are UTF-16 code units, which differ after any character
// outside the Basic Multilingual Plane (an emoji, say).
inline int codePointOffset(const QString &text, int utf16Offset)
{
    const int end = std::clamp(utf16Offset, 0, int(text.size()));
    int n = end;
    for (int i = 1; i < end; ++i) {
        if (text.at(i).isLowSurrogate() && text.at(i - 1).isHighSurrogate())
            --n;
    }
    return n;
}
