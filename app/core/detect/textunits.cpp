#include "textunits.h"

#include <QTextBoundaryFinder>

#include <algorithm>
#include <cstring>
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

// The stop words' forms in an open-addressed table: a lookup per word costs a few instructions.
class StopTable
{
public:
    explicit StopTable(const std::unordered_set<quint64> &forms)
    {
        for (quint64 f : forms) {
            size_t i = slot(f);
            while (m_used[i])
                i = (i + 1) & (Size - 1);
            m_used[i] = true;
            m_forms[i] = f;
        }
    }
    bool contains(quint64 form) const
    {
        for (size_t i = slot(form); m_used[i]; i = (i + 1) & (Size - 1)) {
            if (m_forms[i] == form)
                return true;
        }
        return false;
    }

private:
    static constexpr size_t Size = 1024; // a power of two, well above the number of stop words
    static size_t slot(quint64 form) { return size_t((form * 0x9e3779b97f4a7c15ull) >> 54); }
    quint64 m_forms[Size] = {};
    bool m_used[Size] = {};
};

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

namespace {

// UAX #29 classes of the ASCII characters, as far as word and sentence boundaries need them.
enum WordClass : quint8 { WOther, WLetter, WNumeric, WExtendNumLet, WMidLetter, WMidNumLet, WMidNum };
enum SentenceClass : quint8 { SOther, SSp, SLower, SUpper, SNumeric, SATerm, SSTerm, SClose, SSContinue };

// What a character between two words tells the unit pass of tokenize().
enum GapBits : quint8 { GapClause = 1, GapSentenceMark = 2 };

struct AsciiClasses {
    quint8 word[128] = {};
    quint8 sentence[128] = {};
    quint8 gap[128] = {}; // GapBits
    // Letters (lower-cased), digits and the underscore: what a word goes on with; 0 for the rest.
    char16_t wordFolded[128] = {};
    constexpr AsciiClasses()
    {
        for (int c = 0; c < 128; ++c) {
            const bool upper = c >= 'A' && c <= 'Z';
            const bool lower = c >= 'a' && c <= 'z';
            const bool digit = c >= '0' && c <= '9';
            word[c] = upper || lower ? WLetter : digit ? WNumeric : WOther;
            sentence[c] = upper ? SUpper : lower ? SLower : digit ? SNumeric : SOther;
        }
        word[int('_')] = WExtendNumLet;
        // Qt keeps the word rules of Unicode 5.0 for these two (QTextBoundaryFinder splits
        // "U.S." and "a:b" after each letter): a full stop joins digits only, a colon nothing.
        word[int('.')] = WMidNum;
        word[int('\'')] = WMidNumLet; // Single_Quote joins like MidNumLet
        word[int(',')] = WMidNum;
        word[int(';')] = WMidNum;
        for (char c : {' ', '\t', '\v', '\f'})
            sentence[int(c)] = SSp;
        sentence[int('.')] = SATerm;
        sentence[int('!')] = SSTerm;
        sentence[int('?')] = SSTerm;
        for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'})
            sentence[int(c)] = SClose;
        for (char c : {',', '-', ':', ';'})
            sentence[int(c)] = SSContinue;
        for (char c : {',', ';', ':', '(', ')'}) // isClausePunctuation() in ASCII
            gap[int(c)] = GapClause;
        for (char c : {'.', '!', '?'})
            gap[int(c)] = GapSentenceMark;
        for (int c = 0; c < 128; ++c) {
            if (word[c] == WLetter || word[c] == WNumeric || word[c] == WExtendNumLet)
                wordFolded[c] = char16_t(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
};
constexpr AsciiClasses Ascii;

// Four UTF-16 units read as one 64-bit word, so that the scans below can step over runs of
// plain letters four characters at a time (SWAR: each 16-bit lane is tested at once).
quint64 fourUnits(const char16_t *s)
{
    quint64 x;
    std::memcpy(&x, s, sizeof x);
    return x;
}
constexpr quint64 Lanes = 0x0001000100010001ull;
// True when one of four units (each below 0x8000) equals c.
bool anyEqual(quint64 x, char16_t c)
{
    const quint64 v = x ^ (c * Lanes);
    return ((v - Lanes) & ~v & (0x8000 * Lanes)) != 0;
}
// True when none of the four units is one plainLines() has to look at: all are ASCII, none is a
// control character (line breaks), a double quote or an apostrophe.
bool fourPlain(quint64 x)
{
    // Below 0x80 in every lane; then adding 0x60 sets bit 7 of a lane exactly when it is >= 0x20,
    // and no lane carries into the next.
    return (x & (0xFF80 * Lanes)) == 0 && ((x + 0x60 * Lanes) & (0x80 * Lanes)) == 0x80 * Lanes && !anyEqual(x, u'"')
        && !anyEqual(x, u'\'');
}
// What follows a full stop, question or exclamation mark at i in an ASCII line [from, to) means
// for sentences (UAX #29 SB11: a boundary can only follow one of them). Its closing marks and
// spaces, and what comes after them, decide:
// - a digit straight after a full stop ("3.5"), a capital straight after an initial ("U.S."), a
//   lower-case letter after a full stop ("U.S. officials"), or another mark ("...", "?!"): no
//   boundary (SB6, SB7, SB8, SB8a);
// - an upper-case letter after spaces or closing marks, or a letter after ? or !: a boundary
//   before it (SB11), also across opening marks ("said. (The", "? \"We");
// - anything else (digits after a space, commas, colons, symbols): undecided, and the line then
//   goes to QTextBoundaryFinder.
// Each mark is decided on its own: between a mark and the boundary it makes there are only
// closing marks and spaces, never another mark.
enum class MarkMeans { Nothing, Boundary, LineEnd, Undecided };
MarkMeans sentenceMark(const char16_t *s, int i, int from, int to, int *boundary)
{
    const bool aterm = Ascii.sentence[s[i]] == SATerm;
    int k = i + 1;
    while (k < to && Ascii.sentence[s[k]] == SClose)
        ++k;
    while (k < to && Ascii.sentence[s[k]] == SSp)
        ++k;
    if (k >= to)
        return MarkMeans::LineEnd;
    quint8 next = Ascii.sentence[s[k]];
    if (next == SATerm || next == SSTerm)
        return MarkMeans::Nothing;
    if (aterm && k == i + 1 && next == SNumeric)
        return MarkMeans::Nothing; // "3.5"
    if (aterm && k == i + 1 && next == SUpper) {
        // "U.S.": an initial, a capital letter alone, keeps the sentence going (SB7); other
        // cases ("e.g.Ax", "bU.S") Qt decides its own way.
        const bool initial
            = i > from && Ascii.sentence[s[i - 1]] == SUpper && (i - 1 == from || Ascii.word[s[i - 2]] == WOther);
        return initial ? MarkMeans::Nothing : MarkMeans::Undecided;
    }
    if (next == SClose) {
        int l = k;
        while (l < to && Ascii.sentence[s[l]] == SClose)
            ++l;
        next = l < to ? Ascii.sentence[s[l]] : quint8(SOther);
    }
    if (next == SLower && aterm)
        return MarkMeans::Nothing;
    if (next == SUpper || next == SLower) {
        *boundary = k;
        return MarkMeans::Boundary;
    }
    return MarkMeans::Undecided;
}

// One ASCII line [from, to) in one pass over its characters.
// - Words by UAX #29 (WB5-WB13b; no Extend, Format or Katakana in ASCII): calls found(start,
//   end, form, stem) for each segment that begins with a letter or digit. The word is folded
//   and hashed as fold(), fnv() and stemLength() would, in the loop that finds its end, so every
//   letter is read once: the stem drops at most three units at the end ("'s" and a plural s),
//   so the hashes of the last three prefixes are kept to pick from.
// - Every other character is a gap character: gap(c) is called with its GapBits when it has
//   any (clause punctuation), and sentence marks among them are decided by sentenceMark().
//   Sentence ends are appended to ends with the line's end; when a mark is undecided, ends is
//   left as it was and false returned (the caller asks QTextBoundaryFinder for the line's
//   sentences; the words stand).
template<typename Found, typename Gap>
bool asciiLine(const char16_t *s, int from, int to, std::vector<int> *ends, Found found, Gap gap)
{
    auto lower = [](char16_t c) { return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c; };
    const size_t endsBefore = ends->size();
    bool deciding = true; // sentence marks still looked at
    bool decided = true;
    int i = from;
    while (i < to) {
        const quint8 c = Ascii.word[s[i]];
        if (c != WLetter && c != WNumeric && c != WExtendNumLet) {
            const quint8 g = Ascii.gap[s[i]];
            if (g != 0) {
                if (g & GapClause) {
                    gap(g);
                } else if (deciding) {
                    int boundary = 0;
                    switch (sentenceMark(s, i, from, to, &boundary)) {
                    case MarkMeans::Nothing:
                        break;
                    case MarkMeans::Boundary:
                        ends->push_back(boundary);
                        break;
                    case MarkMeans::LineEnd:
                        deciding = false;
                        break;
                    case MarkMeans::Undecided:
                        ends->resize(endsBefore);
                        deciding = false;
                        decided = false;
                        break;
                    }
                }
            }
            ++i;
            continue;
        }
        // The word's letters, digits and joiners. s[to] is a line break or the string's
        // terminating null, which ends any word: only the joiner needs a bounds check.
        const int start = i;
        quint64 h = (FnvOffset ^ Ascii.wordFolded[s[i]]) * FnvPrime;
        quint64 h1 = FnvOffset; // the hash of the word without its last unit
        ++i;
        for (;;) {
            const char16_t l = Ascii.wordFolded[s[i]];
            if (l != 0) {
                h1 = h;
                h = (h ^ l) * FnvPrime;
                ++i;
                continue;
            }
            // A joiner between two letters (WB6/7) or two digits (WB11/12).
            if (i + 1 < to) {
                const quint8 x = Ascii.word[s[i]];
                const quint8 prev = Ascii.word[s[i - 1]];
                const quint8 next = Ascii.word[s[i + 1]];
                if ((prev == WLetter && next == WLetter && (x == WMidLetter || x == WMidNumLet))
                    || (prev == WNumeric && next == WNumeric && (x == WMidNum || x == WMidNumLet))) {
                    h1 = (h ^ s[i]) * FnvPrime; // a joiner has no case
                    h = (h1 ^ Ascii.wordFolded[s[i + 1]]) * FnvPrime;
                    i += 2;
                    continue;
                }
            }
            break;
        }
        if (c == WExtendNumLet) {
            // Not a word: its characters are gap characters (a digit joiner can be a comma).
            for (int k = start; k < i; ++k) {
                if (Ascii.gap[s[k]] & GapClause)
                    gap(GapClause);
            }
            continue;
        }
        // stemLength() on the folded word; a stem shorter by more than one unit ("'s") is hashed
        // again.
        const int n = i - start;
        const char16_t *w = s + start;
        int m = n;
        if (m > 2 && w[m - 2] == u'\'' && lower(w[m - 1]) == u's')
            m -= 2;
        else if (m > 1 && w[m - 1] == u'\'')
            m -= 1;
        if (m > 3 && lower(w[m - 1]) == u's' && lower(w[m - 2]) != u's' && w[m - 2] != u'\'')
            m -= 1;
        quint64 stem = m == n ? h : h1;
        if (m < n - 1) {
            stem = FnvOffset;
            for (int k = 0; k < m; ++k)
                stem = (stem ^ lower(w[k])) * FnvPrime;
        }
        found(start, i, h, quint32(stem));
    }
    if (decided)
        ends->push_back(to);
    return decided;
}

bool isAscii(const char16_t *s, int from, int to)
{
    char16_t any = 0;
    for (int i = from; i < to; ++i)
        any |= s[i];
    return any < 0x80;
}

// A word of ASCII letters and digits folded and hashed as fold() and fnv() would, with no
// buffer: its form and the hash of its stem.
void asciiForms(const char16_t *s, int n, quint64 *form, quint32 *stem)
{
    auto lower = [](char16_t c) { return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c; };
    // stemLength() on the folded word.
    int m = n;
    if (m > 2 && s[m - 2] == u'\'' && lower(s[m - 1]) == u's')
        m -= 2;
    else if (m > 1 && s[m - 1] == u'\'')
        m -= 1;
    if (m > 3 && lower(s[m - 1]) == u's' && lower(s[m - 2]) != u's' && s[m - 2] != u'\'')
        m -= 1;
    quint64 h = FnvOffset;
    for (int i = 0; i < n; ++i) {
        if (i == m)
            *stem = quint32(h);
        h ^= lower(s[i]);
        h *= FnvPrime;
    }
    if (m == n)
        *stem = quint32(h);
    *form = h;
}

// plain() and the quotation marks as tokenize() finds them, and the lines with whether each is
// ASCII after plain(), in one pass.
struct Line {
    int from, to;
    bool ascii;
};
QString plainLines(const QString &body, std::vector<int> *quoteMarks, std::vector<Line> *lines)
{
    QString s = body;
    char16_t *d = reinterpret_cast<char16_t *>(s.data());
    const int size = int(s.size());
    int lineStart = 0;
    char16_t any = 0;
    // Mapping changes only spaces, line separators and quote marks, none of them a letter or
    // digit, so the neighbours of a mark can be looked at before or after mapping alike.
    auto singleMark = [&](int i) {
        const bool letterBefore = i > 0 && QChar(d[i - 1]).isLetterOrNumber();
        const bool letterAfter = i + 1 < size && QChar(d[i + 1]).isLetterOrNumber();
        if (letterBefore != letterAfter)
            quoteMarks->push_back(i);
    };
    for (int i = 0; i < size; ++i) {
        while (i + 4 <= size && fourPlain(fourUnits(d + i)))
            i += 4;
        if (i >= size)
            break;
        char16_t c = d[i];
        if (c > u'\'' && c < 0x80)
            continue; // letters, digits and most punctuation: nothing to do
        if (c >= 0x80) {
            if (c == u'\u2029' || c == u'\u2028')
                c = d[i] = u'\n';
            else if (QChar::isSpace(c))
                c = d[i] = u' ';
            else if (isApostrophe(c))
                c = d[i] = u'\'';
            else if (isDoubleQuote(c))
                c = d[i] = u'"';
            else
                any |= c;
        }
        if (c == u'\n' || c == u'\r') {
            lines->push_back({lineStart, i, any < 0x80});
            lineStart = i + 1;
            any = 0;
        } else if (c == u'"') {
            quoteMarks->push_back(i);
        } else if (c == u'\'') {
            singleMark(i);
        }
    }
    lines->push_back({lineStart, size, any < 0x80});
    return s;
}

} // namespace

TokenizedText tokenize(const QString &body, Boundaries boundaries)
{
    TokenizedText t;
    std::vector<Line> lines;
    const QString text = boundaries == Boundaries::Unicode ? plain(body) : plainLines(body, &t.quoteMarks, &lines);
    const char16_t *chars = reinterpret_cast<const char16_t *>(text.constData());
    const int size = int(text.size());
    static const StopTable stops(stopWords());

    for (int i = 0; boundaries == Boundaries::Unicode && i < size; ++i) {
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

    std::u16string buf;
    t.tokens.reserve(size_t(size / 5));
    // What the characters since the last word hold (Token::ParagraphBefore, ClauseBefore): the
    // unit pass below cuts there. Every character that is not in a word is seen once, in order.
    quint8 pending = 0;
    auto gapChars = [&](int from, int to) {
        for (int k = from; k < to; ++k) {
            const char16_t c = chars[k];
            if (c == u'\n')
                pending |= Token::ParagraphBefore;
            else if (isClausePunctuation(c))
                pending |= Token::ClauseBefore;
        }
    };
    auto asciiGap = [&](quint8) { pending |= Token::ClauseBefore; };
    // A word whose form and stem hash are known; its first unit is a letter or digit.
    auto addFormed = [&](int from, int to, quint64 form, quint32 stem) {
        if (to - from > 0xFFFF) {
            gapChars(from, to);
            return;
        }
        Token tok;
        tok.form = form;
        tok.stem = stem;
        tok.start = from;
        tok.length = quint16(to - from);
        tok.flags = pending;
        pending = 0;
        if (chars[from] < 0x80 ? chars[from] >= u'0' && chars[from] <= u'9' : QChar(chars[from]).isDigit())
            tok.flags |= Token::Digit;
        if (stops.contains(tok.form))
            tok.flags |= Token::Stop;
        t.tokens.push_back(tok);
    };
    auto addWord = [&](int from, int to, bool ascii) {
        if (!QChar(chars[from]).isLetterOrNumber()) {
            gapChars(from, to);
            return;
        }
        quint64 form;
        quint32 stem = 0;
        if (ascii) {
            asciiForms(chars + from, to - from, &form, &stem);
        } else {
            const qsizetype n = fold(QStringView(text).mid(from, to - from), buf);
            form = fnv(buf.data(), n);
            stem = quint32(fnv(buf.data(), stemLength(buf)));
        }
        addFormed(from, to, form, stem);
    };
    auto isAsciiWord = [&](int from, int to) { return isAscii(chars, from, to); };

    // Sentence ends, as offsets; a paragraph break always ends a sentence.
    std::vector<int> sentenceEnds;
    if (boundaries == Boundaries::Unicode) {
        QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, text);
        for (qsizetype b = finder.toNextBoundary(); b > 0; b = finder.toNextBoundary())
            sentenceEnds.push_back(int(b));
        QTextBoundaryFinder words(QTextBoundaryFinder::Word, text);
        qsizetype from = 0;
        for (qsizetype b = words.toNextBoundary(); b > 0; from = b, b = words.toNextBoundary())
            addWord(int(from), int(b), isAsciiWord(int(from), int(b)));
    } else {
        // Line by line: a line break ends words and sentences (UAX #29 WB3a/b, SB4), so each line
        // can be cut on its own, ASCII lines the short way.
        for (const Line &l : lines) {
            const int a = l.from;
            const int b = l.to;
            if (b > a) {
                const QChar *line = text.constData() + a;
                const bool ascii = l.ascii;
                if (!ascii || !asciiLine(chars, a, b, &sentenceEnds, addFormed, asciiGap)) {
                    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, line, b - a);
                    for (qsizetype e = finder.toNextBoundary(); e > 0; e = finder.toNextBoundary())
                        sentenceEnds.push_back(a + int(e));
                }
                if (!ascii) {
                    QTextBoundaryFinder words(QTextBoundaryFinder::Word, line, b - a);
                    qsizetype from = 0;
                    for (qsizetype e = words.toNextBoundary(); e > 0; from = e, e = words.toNextBoundary())
                        addWord(a + int(from), a + int(e), isAsciiWord(a + int(from), a + int(e)));
                }
            }
            if (b < size)
                gapChars(b, b + 1); // the line break
        }
    }
    if (sentenceEnds.empty() || sentenceEnds.back() != size)
        sentenceEnds.push_back(size);

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
            const quint8 flags = t.tokens[size_t(i)].flags;
            newParagraph = flags & Token::ParagraphBefore;
            newClause = flags & Token::ClauseBefore;
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
