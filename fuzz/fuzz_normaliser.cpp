// Detection's text normaliser and tokenizer, and the quote finder's normalisation, on arbitrary
// UTF-8: every offset they hand back must lie inside the text.
#include "detect/suggestion.h"
#include "detect/textunits.h"
#include "fuzzsupport.h"
#include "quotefinder.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::startApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using FuzzSupport::check;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const int n = int(text.size());
    const Detect::TokenizedText t = Detect::tokenize(text);
    for (const Detect::Token &token : t.tokens) {
        check(token.start >= 0 && token.end() <= n && token.length > 0, "a token lies inside the text");
        check(token.unit < t.units.size(), "a token's unit exists");
        // Words are cut from a copy with typographic spaces and quote marks made ASCII (so that a
        // Hebrew acronym with a typographic quote, such as the one libFuzzer found, is one word):
        // only words without such characters have their form computable from the original.
        const QStringView word = QStringView(text).mid(token.start, token.length);
        const bool plainAlready = std::none_of(word.begin(), word.end(), [](QChar c) {
            return c.unicode() >= 0x80 && (c.isSpace() || c.isPunct() || c.isSymbol());
        });
        check(!plainAlready || token.form == Detect::wordForm(word), "a token's form is its word's form");
    }
    for (const auto *ranges : {&t.sentences, &t.paragraphs}) {
        for (const Detect::Range &r : *ranges) {
            check(r.start >= 0 && r.start <= r.stop && r.stop <= n, "a range lies inside the text");
            check(r.first >= 0 && r.first <= r.end && r.end <= int(t.tokens.size()), "a range's tokens exist");
        }
    }
    for (const Detect::Unit &u : t.units)
        check(u.first >= 0 && u.first <= u.end && u.end <= int(t.tokens.size()), "a unit's tokens exist");
    for (int q : t.quoteMarks)
        check(q >= 0 && q < n, "a quote mark lies inside the text");
    (void)Detect::normalisedPassageText(text);

    QList<QuoteFinder::Match> origins;
    const QString normal = QuoteFinder::normalized(text, &origins);
    check(origins.size() == normal.size(), "each normalised character has an origin");
    for (const QuoteFinder::Match &m : origins)
        check(m.start >= 0 && m.start <= m.end && m.end <= n, "an origin lies inside the text");
    return 0;
}
