#pragma once

#include "textunits.h"

#include <QString>

#include <vector>

// Figures and dates found in a body and reduced to values, so that "$42,000" and "42,000
// dollars", or "April 25, 2023", "25th April" and "April 25", compare equal.
namespace Detect {

struct Value {
    enum Type : quint8 { Money, Percent, Count, Date };
    Type type = Count;
    // Equal for equal values: type, currency and amount (to six significant digits), or month
    // and day for a date. A date's year is kept apart: a date without one matches any year.
    quint64 key = 0;
    int year = 0; // dates only; 0 when the text gives none
    int firstToken = 0; // the tokens the value is written with, [firstToken, endToken)
    int endToken = 0;
    QString display; // canonical form for labels: "$42,000", "12.5%", "25 April 2023"
    // How much a match of this value alone says: a specific amount (42,000 rather than 10) is
    // less likely to recur by chance.
    int significantDigits = 0;
};

std::vector<Value> findValues(const QString &body, const TokenizedText &text);

} // namespace Detect
