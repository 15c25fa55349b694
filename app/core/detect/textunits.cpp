#include "textunits.h"

#include <QTextBoundaryFinder>

#include <algorithm>
#include <unordered_set>

namespace Detect {

namespace {

constexpr quint64 FnvOffset = 14695981039346656037ull;
constexpr quint64 FnvPrime = 1099511628211ull;

quint64 fnv(const char16_t *s, qsizetype n)
{
    quint64 h = FnvOffset;
    for (qsizetype i = 0; i < n; ++i) {
        h ^= s[i];
        h *= FnvPrime;
    }
    return h;
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'\u02BC' || c == u'\u2032' || c == u'\uFF07';
}

bool isDoubleQuote(char16_t c)
{
    switch (c) {
    case u'"':
    case u'\u201C':
    case u'\u201D':
    case u'\u201E':
    case u'\u201F':
    case u'\u00AB':
    case u'\u00BB':
    case u'\u2033':
    case u'\u301D':
    case u'\u301E':
    case u'\uFF02':
        return true;
    default:
        return false;
    }
}

// Folds a word into buf (NFKC, case-folded, apostrophes unified); returns its length. Plain
// ASCII, nearly every word of English text, takes the short way.
qsizetype fold(QStringView word, std::u16string &buf)
{
    buf.clear();
    bool ascii = true;
    for (QChar c : word) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        for (QChar c : word) {
            char16_t u = c.unicode();
            buf.push_back(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
        }
        return qsizetype(buf.size());
    }
    const QString folded = word.toString().normalized(QString::NormalizationForm_KC).toCaseFolded();
    for (QChar c : folded)
        buf.push_back(isApostrophe(c.unicode()) ? u'\'' : c.unicode());
    return qsizetype(buf.size());
}

// How much of a folded word similarity looks at: "twitter's" and "tweets" count as "twitter"
// and "tweet".
qsizetype stemLength(const std::u16string &w)
{
    qsizetype n = qsizetype(w.size());
    if (n > 2 && w[n - 2] == u'\'' && w[n - 1] == u's')
        n -= 2;
    else if (n > 1 && w[n - 1] == u'\'')
        n -= 1;
    if (n > 3 && w[n - 1] == u's' && w[n - 2] != u's' && w[n - 2] != u'\'')
        n -= 1;
    return n;
}

// Function words of English: they carry no claim, so a match made only of them is chance.
const char *const StopWords[]
    = {"a",       "about",   "above",  "after",   "again",    "against",   "all",    "also",    "am",
       "an",      "and",     "any",    "are",     "as",       "at",        "be",     "because", "been",
       "before",  "being",   "below",  "between", "both",     "but",       "by",     "can",     "could",
       "did",     "didn't",  "do",     "does",    "doesn't",  "doing",     "don't",  "down",    "during",
       "each",    "even",    "few",    "for",     "from",     "further",   "had",    "has",     "hasn't",
       "have",    "haven't", "having", "he",      "her",      "here",      "hers",   "herself", "him",
       "himself", "his",     "how",    "i",       "if",       "in",        "into",   "is",      "isn't",
       "it",      "it's",    "its",    "itself",  "just",     "may",       "me",     "might",   "more",
       "most",    "must",    "my",     "myself",  "no",       "nor",       "not",    "now",     "of",
       "off",     "on",      "once",   "only",    "or",       "other",     "our",    "ours",    "ourselves",
       "out",     "over",    "own",    "said",    "same",     "says",      "she",    "should",  "so",
       "some",    "such",    "than",   "that",    "the",      "their",     "theirs", "them",    "themselves",
       "then",    "there",   "these",  "they",    "they're",  "they've",   "this",   "those",   "through",
       "to",      "too",     "under",  "until",   "up",       "upon",      "us",     "very",    "was",
       "wasn't",  "we",      "were",   "what",    "when",     "where",     "which",  "while",   "who",
       "whom",    "why",     "will",   "with",    "within",   "without",   "won't",  "would",   "wouldn't",
       "yet",     "you",     "your",   "yours",   "yourself", "s",         "t",      "one",     "two",
       "new",     "many",    "much",   "still",   "however",  "according", "like",   "well",    "there's",
       "that's",  "he's",    "she's",  "we're",   "you're",   "i'm",       "can't",  "cannot"};

const std::unordered_set<quint64> &stopWords()
{
    static const std::unordered_set<quint64> set = [] {
        std::unordered_set<quint64> s;
        for (const char *w : StopWords)
            s.insert(wordForm(QString::fromLatin1(w)));
        return s;
    }();
    return set;
}

bool isClausePunctuation(char16_t c)
{
    return c == u',' || c == u';' || c == u':' || c == u'(' || c == u')' || c == u'\u2014' || c == u'\u2013';
}

// A copy of text with the same length in which boundaries and words come out alike whatever
// spaces and quote marks the outlet typed.
QString plain(const QString &text)
{
    QString s = text;
    char16_t *d = reinterpret_cast<char16_t *>(s.data());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = d[i];
        if (c < 0x80)
            continue;
        if (c == u'\u2029' || c == u'\u2028')
            d[i] = u'\n';
        else if (QChar::isSpace(c))
            d[i] = u' ';
        else if (isApostrophe(c))
            d[i] = u'\'';
        else if (isDoubleQuote(c))
            d[i] = u'"';
    }
    return s;
}

} // namespace

quint64 wordForm(QStringView word)
{
    std::u16string buf;
    const qsizetype n = fold(word, buf);
    return fnv(buf.data(), n);
}

bool TokenizedText::nearQuoteMark(int start, int end, int reach) const
{
    auto it = std::lower_bound(quoteMarks.begin(), quoteMarks.end(), start - reach);
    if (it == quoteMarks.end() || *it >= end + reach)
        return false;
    // Only marks in the passage's own paragraph count.
    for (const Range &p : paragraphs) {
        if (p.start <= start && start < p.stop + 1)
            return *it >= p.start && *it <= p.stop;
    }
    return true;
}

TokenizedText tokenize(const QString &body)
{
    TokenizedText t;
    const QString text = plain(body);
    const char16_t *chars = reinterpret_cast<const char16_t *>(text.constData());
    const int size = int(text.size());
    const std::unordered_set<quint64> &stops = stopWords();

    for (int i = 0; i < size; ++i) {
        const char16_t c = chars[i];
        if (c == u'"')
            t.quoteMarks.push_back(i);
        else if (c == u'\'') {
            // A single mark counts as a quotation mark only where it cannot be an apostrophe.
            const bool letterBefore = i > 0 && QChar(chars[i - 1]).isLetterOrNumber();
            const bool letterAfter = i + 1 < size && QChar(chars[i + 1]).isLetterOrNumber();
            if (letterBefore != letterAfter)
                t.quoteMarks.push_back(i);
        }
    }

    // Sentence ends, as offsets; a paragraph break always ends a sentence.
    std::vector<int> sentenceEnds;
    {
        QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
        for (qsizetype b = finder.toNextBoundary(); b > 0; b = finder.toNextBoundary())
            sentenceEnds.push_back(int(b));
        if (sentenceEnds.empty() || sentenceEnds.back() != size)
            sentenceEnds.push_back(size);
    }

    std::u16string buf;
    QTextBoundaryFinder words(QTextBoundaryFinder::Word, text);
    qsizetype from = 0;
    for (qsizetype b = words.toNextBoundary(); b > 0; from = b, b = words.toNextBoundary()) {
        const QChar first(chars[from]);
        if (!first.isLetterOrNumber())
            continue;
        if (b - from > 0xFFFF)
            continue;
        const qsizetype n = fold(QStringView(text).mid(from, b - from), buf);
        Token tok;
        tok.form = fnv(buf.data(), n);
        tok.stem = quint32(fnv(buf.data(), stemLength(buf)));
        tok.start = int(from);
        tok.length = quint16(b - from);
        if (first.isDigit())
            tok.flags |= Token::Digit;
        if (stops.count(tok.form))
            tok.flags |= Token::Stop;
        t.tokens.push_back(tok);
    }

    // Paragraphs, sentences and units over the tokens. A cut before token i when the text
    // between it and the previous token holds a line break, a sentence end or clause punctuation.
    const int n = int(t.tokens.size());
    size_t sentenceEnd = 0;
    int unitFirst = 0;
    int paragraph = 0;
    int sentence = 0;
    auto closeUnit = [&](int end) {
        if (end <= unitFirst)
            return;
        // A short piece joins the unit before it in the same sentence.
        if (end - unitFirst < 5 && !t.units.empty() && t.units.back().sentence == sentence) {
            t.units.back().end = end;
        } else {
            t.units.push_back({unitFirst, end, sentence, paragraph});
        }
        unitFirst = end;
    };
    int sentenceFirst = 0;
    int paragraphFirst = 0;
    for (int i = 0; i <= n; ++i) {
        bool newParagraph = i == n;
        bool newSentence = i == n;
        bool newClause = false;
        if (i > 0 && i < n) {
            const int gapStart = t.tokens[size_t(i - 1)].end();
            const int gapEnd = t.tokens[size_t(i)].start;
            for (int k = gapStart; k < gapEnd; ++k) {
                const char16_t c = chars[k];
                if (c == u'\n')
                    newParagraph = true;
                else if (isClausePunctuation(c))
                    newClause = true;
            }
            while (sentenceEnd < sentenceEnds.size() && sentenceEnds[sentenceEnd] <= gapStart)
                ++sentenceEnd;
            if (sentenceEnd < sentenceEnds.size() && sentenceEnds[sentenceEnd] <= gapEnd)
                newSentence = true;
        }
        if (i == 0)
            continue;
        if (newSentence || newParagraph) {
            // A short last piece joins the unit before it.
            if (i - unitFirst < 5 && !t.units.empty() && t.units.back().sentence == sentence
                && t.units.back().end == unitFirst) {
                t.units.back().end = i;
                unitFirst = i;
            } else {
                t.units.push_back({unitFirst, i, sentence, paragraph});
                unitFirst = i;
            }
            t.sentences.push_back(
                {sentenceFirst, i, t.tokens[size_t(sentenceFirst)].start, t.tokens[size_t(i - 1)].end()});
            sentenceFirst = i;
            ++sentence;
            if (newParagraph) {
                t.paragraphs.push_back(
                    {paragraphFirst, i, t.tokens[size_t(paragraphFirst)].start, t.tokens[size_t(i - 1)].end()});
                paragraphFirst = i;
                ++paragraph;
            }
        } else if (newClause && i - unitFirst >= 5) {
            closeUnit(i);
        }
    }
    for (size_t u = 0; u < t.units.size(); ++u) {
        for (int i = t.units[u].first; i < t.units[u].end; ++i)
            t.tokens[size_t(i)].unit = quint32(u);
    }
    return t;
}

} // namespace Detect
