#pragma once

#include <QList>
#include <QString>

// How one outlet's wording of a passage differs from another's, word by word: what it kept,
// what it added and what it dropped. Punctuation marks are words of their own, so a lost quote
// mark or a full stop turned into a comma shows. Quote fidelity is checked by hand today.
namespace WordingDiff {

struct Token {
    enum Op { Same, Added, Dropped };
    QString text;
    Op op = Same;
    bool operator==(const Token &) const = default;
};

// Words and punctuation marks of text, in order; whitespace separates and is dropped.
QStringList tokens(const QString &text);

// The tokens of other against base, in reading order: Same where both have it, Added where only
// other has it, Dropped where only base has it (a longest common subsequence of tokens; case and
// quote-mark style count as differences, since they are what a careful reader compares).
QList<Token> diff(const QString &base, const QString &other);

} // namespace WordingDiff
