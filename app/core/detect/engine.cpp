#include "engine.h"

#include "textunits.h"
#include "values.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <bit>
#include <cmath>
#include <iterator>
#include <memory>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace Detect {

namespace {

// A place in the corpus where an indexed key occurs.
struct Posting {
    quint64 key;
    quint32 doc;
    quint32 pos; // token index
    bool operator<(const Posting &o) const
    {
        return key != o.key ? key < o.key : doc != o.doc ? doc < o.doc : pos < o.pos;
    }
};

struct Doc {
    qint64 id = 0;
    QString text;
    QString source;
    TokenizedText t;
    std::vector<Value> values;
};

quint64 mix(quint64 h, quint64 v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

// Fingerprints of one document: hashes of word shingles, winnowed (Schleimer et al. 2003), so
// that any run of shingleWords + window - 1 shared words shares at least one fingerprint.
void fingerprint(const Doc &doc, quint32 docIndex, const Options &o, std::vector<Posting> *out)
{
    const std::vector<Token> &tokens = doc.t.tokens;
    const int k = o.shingleWords;
    const int n = int(tokens.size()) - k + 1;
    if (n <= 0)
        return;
    constexpr quint64 Skip = ~quint64(0);
    std::vector<quint64> h(size_t(n), Skip);
    // Shingles paragraph by paragraph: those across a paragraph break are never evidence, nor
    // are those of function words only (a running count of the window's function words).
    for (const Range &p : doc.t.paragraphs) {
        if (p.end - p.first < k)
            continue;
        int stops = 0;
        for (int j = p.first; j < p.first + k - 1; ++j)
            stops += tokens[size_t(j)].isStop() ? 1 : 0;
        for (int i = p.first; i + k <= p.end; ++i) {
            stops += tokens[size_t(i + k - 1)].isStop() ? 1 : 0;
            if (stops < k) {
                const Token *t = tokens.data() + i;
                quint64 v;
                if (k == 4) { // the default, unrolled
                    v = mix(mix(mix(mix(0, t[0].form), t[1].form), t[2].form), t[3].form);
                } else {
                    v = 0;
                    for (int j = 0; j < k; ++j)
                        v = mix(v, t[j].form);
                }
                h[size_t(i)] = v >> 1; // never Skip
            }
            stops -= tokens[size_t(i)].isStop() ? 1 : 0;
        }
    }
    // The rightmost smallest hash of each window of w shingles, each position once. The smallest
    // of the last window is kept while it stays inside: only the shingle that enters is compared.
    const int w = std::max(1, o.window);
    int last = -1;
    int best = -1;
    for (int start = 0;; ++start) {
        const int end = std::min(n, start + w);
        if (best < start) {
            best = start;
            for (int j = start + 1; j < end; ++j) {
                if (h[size_t(j)] <= h[size_t(best)])
                    best = j;
            }
        } else if (h[size_t(end - 1)] <= h[size_t(best)]) {
            best = end - 1;
        }
        if (h[size_t(best)] != Skip && best != last) {
            out->push_back({h[size_t(best)], docIndex, quint32(best)});
            last = best;
        }
        if (end >= n)
            break;
    }
}

// Sorts a batch of postings made in (doc, pos) order by key, keeping that order among equal keys,
// so that the result is in Posting's full order: a radix sort on the key, 16 bits a pass, where
// a comparison sort cost a third of the whole indexing.
void sortBatch(std::vector<Posting> &batch)
{
    const bool inOrder = std::is_sorted(batch.begin(), batch.end(), [](const Posting &a, const Posting &b) {
        return a.doc != b.doc ? a.doc < b.doc : a.pos < b.pos;
    });
    if (batch.size() < 4096 || !inOrder) {
        std::sort(batch.begin(), batch.end());
        return;
    }
    std::vector<Posting> other(batch.size());
    // The four passes' counts in one reading of the batch.
    std::vector<quint32> allCounts(4 * 65536);
    for (const Posting &p : batch) {
        ++allCounts[p.key & 0xFFFF];
        ++allCounts[65536 + ((p.key >> 16) & 0xFFFF)];
        ++allCounts[2 * 65536 + ((p.key >> 32) & 0xFFFF)];
        ++allCounts[3 * 65536 + (p.key >> 48)];
    }
    for (int shift = 0; shift < 64; shift += 16) {
        quint32 *counts = allCounts.data() + (shift / 16) * 65536;
        quint32 sum = 0;
        for (int i = 0; i < 65536; ++i) {
            const quint32 n = counts[i];
            counts[i] = sum;
            sum += n;
        }
        for (const Posting &p : batch)
            other[counts[(p.key >> shift) & 0xFFFF]++] = p;
        batch.swap(other);
    }
}

// Sorted vector of postings that grows: a new batch is sorted and merged in.
void mergeIn(std::vector<Posting> *index, std::vector<Posting> &&batch)
{
    sortBatch(batch);
    const size_t middle = index->size();
    index->insert(index->end(), batch.begin(), batch.end());
    std::inplace_merge(index->begin(), index->begin() + qsizetype(middle), index->end());
}

// Postings of words grouped by key: an open-addressed table from each key to a contiguous run of
// its places, in (doc, pos) order. Adding a batch counts its postings per key and scatters them
// behind the ones already there, two linear passes; a look-up is a probe or two of the table,
// where a sorted vector needed a binary search. Words are few next to their postings, so the
// table stays small; fingerprints, nearly all in one article each, stay a sorted vector.
class PostingIndex
{
public:
    struct Entry {
        quint32 doc;
        quint32 pos; // token index
    };
    using Span = std::pair<const Entry *, const Entry *>;

    // batch in (doc, pos) order, its documents after all those already indexed.
    void add(const std::vector<Posting> &batch)
    {
        const size_t oldKeys = m_keyCount;
        const std::unique_ptr<quint32[]> ids = std::make_unique_for_overwrite<quint32[]>(batch.size());
        for (size_t i = 0; i < batch.size(); ++i)
            ids[i] = insert(batch[i].key);
        const size_t keys = m_keyCount;
        std::vector<quint32> at(keys, 0); // the batch's postings per key, then where the next one goes
        for (size_t i = 0; i < batch.size(); ++i)
            ++at[ids[i]];
        std::vector<quint32> start(keys + 1);
        const size_t total = m_entryCount + batch.size();
        std::unique_ptr<Entry[]> entries = std::make_unique_for_overwrite<Entry[]>(total);
        quint32 next = 0;
        for (size_t id = 0; id < keys; ++id) {
            start[id] = next;
            if (id < oldKeys) {
                const quint32 a = m_start[id];
                const quint32 b = m_start[id + 1];
                std::copy(m_entries.get() + a, m_entries.get() + b, entries.get() + next);
                next += b - a;
            }
            const quint32 n = at[id];
            at[id] = next;
            next += n;
        }
        start[keys] = next;
        for (size_t i = 0; i < batch.size(); ++i)
            entries[at[ids[i]]++] = {batch[i].doc, batch[i].pos};
        m_start.swap(start);
        m_entries = std::move(entries);
        m_entryCount = total;
    }

    Span find(quint64 key) const
    {
        if (m_table.empty())
            return {nullptr, nullptr};
        for (size_t i = slot(key);; i = (i + 1) & m_mask) {
            const Slot &s = m_table[i];
            if (s.id == 0)
                return {nullptr, nullptr};
            if (s.key == key)
                return spanOf(s.id - 1);
        }
    }
    size_t keyCount() const { return m_keyCount; }
    Span spanOf(size_t id) const { return {m_entries.get() + m_start[id], m_entries.get() + m_start[id + 1]}; }

private:
    struct Slot {
        quint64 key;
        quint32 id; // key id + 1; 0: an empty slot
    };
    size_t slot(quint64 key) const { return size_t((key * 0x9e3779b97f4a7c15ull) >> m_shift); }
    quint32 insert(quint64 key)
    {
        if ((m_keyCount + 1) * 2 > m_table.size())
            grow();
        for (size_t i = slot(key);; i = (i + 1) & m_mask) {
            Slot &s = m_table[i];
            if (s.id == 0) {
                s.key = key;
                s.id = quint32(++m_keyCount);
                return s.id - 1;
            }
            if (s.key == key)
                return s.id - 1;
        }
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_table);
        const size_t size = std::max<size_t>(4096, old.size() * 2);
        m_table.assign(size, Slot{0, 0});
        m_mask = size - 1;
        m_shift = 64 - std::countr_zero(size);
        for (const Slot &s : old) {
            if (s.id == 0)
                continue;
            size_t i = slot(s.key);
            while (m_table[i].id != 0)
                i = (i + 1) & m_mask;
            m_table[i] = s;
        }
    }

    std::vector<Slot> m_table;
    size_t m_mask = 0;
    int m_shift = 64;
    size_t m_keyCount = 0;
    std::vector<quint32> m_start; // by key id, and one past the last: where its entries begin
    std::unique_ptr<Entry[]> m_entries;
    size_t m_entryCount = 0;
};

QString shortened(QString text, int max)
{
    text = text.simplified();
    if (text.size() > max) {
        text.truncate(max - 1);
        const qsizetype space = text.lastIndexOf(u' ');
        if (space > max / 2)
            text.truncate(space);
        text += u'\u2026';
    }
    return text;
}

// Words are looked up (quotes by their rarest word, near-identical clauses by rare words) only
// when their stem is in at most this many articles.
constexpr int MaxLookedUpDf = 64;

// Documents per stem: an open-addressed table, looked up for nearly every word detection
// compares, several times cheaper than std::unordered_map.
class StemCounts
{
public:
    int get(quint32 stem) const
    {
        if (m_keys.empty())
            return 0;
        for (size_t i = slot(stem);; i = (i + 1) & m_mask) {
            if (m_counts[i] == 0)
                return 0;
            if (m_keys[i] == stem)
                return m_counts[i];
        }
    }
    // Counts stem once for document doc (any number, never 0): a stem seen again in the same
    // document, as most are, is not counted twice, with no sorting of the document's stems.
    void addOnce(quint32 stem, quint32 doc)
    {
        if ((m_used + 1) * 2 > m_keys.size())
            grow();
        for (size_t i = slot(stem);; i = (i + 1) & m_mask) {
            if (m_counts[i] == 0) {
                m_keys[i] = stem;
                m_counts[i] = 1;
                m_last[i] = doc;
                ++m_used;
                return;
            }
            if (m_keys[i] == stem) {
                if (m_last[i] != doc) {
                    m_last[i] = doc;
                    ++m_counts[i];
                }
                return;
            }
        }
    }

private:
    size_t slot(quint32 stem) const { return size_t((quint64(stem) * 0x9e3779b97f4a7c15ull) >> m_shift); }
    void grow()
    {
        std::vector<quint32> keys = std::move(m_keys);
        std::vector<int> counts = std::move(m_counts);
        std::vector<quint32> last = std::move(m_last);
        const size_t size = std::max<size_t>(1024, keys.size() * 2);
        m_keys.assign(size, 0);
        m_counts.assign(size, 0);
        m_last.assign(size, 0);
        m_mask = size - 1;
        m_shift = 64 - std::countr_zero(size);
        m_used = 0;
        for (size_t i = 0; i < keys.size(); ++i) {
            if (counts[i] == 0)
                continue;
            size_t j = slot(keys[i]);
            while (m_counts[j] != 0)
                j = (j + 1) & m_mask;
            m_keys[j] = keys[i];
            m_counts[j] = counts[i];
            m_last[j] = last[i];
            ++m_used;
        }
    }

    std::vector<quint32> m_keys;
    std::vector<int> m_counts; // 0: an empty slot
    std::vector<quint32> m_last; // the last document counted
    size_t m_mask = 0;
    int m_shift = 64;
    size_t m_used = 0;
};

} // namespace

struct Engine::Index {
    Options options;
    std::vector<Doc> docs;
    QHash<qint64, quint32> byId;
    // Winnowed fingerprints, sorted by key: nearly every one is in a single article, and a
    // table of them all would be a cache miss per posting on a large corpus, where a radix sort
    // reads and writes in order.
    std::vector<Posting> shingles;
    PostingIndex words; // content words that can still be rare (see add()), by form
    StemCounts stemDf; // documents per stem
};

Engine::Engine(const Options &options)
    : d(std::make_unique<Index>())
{
    d->options = options;
}

Engine::~Engine() = default;

int Engine::size() const
{
    return int(d->docs.size());
}

bool Engine::contains(qint64 id) const
{
    return d->byId.contains(id);
}

QString Engine::text(qint64 id) const
{
    const auto it = d->byId.constFind(id);
    return it == d->byId.cend() ? QString() : d->docs[*it].text;
}

bool Engine::add(const QList<Document> &documents, const Control &control)
{
    std::vector<Doc> fresh;
    std::vector<Posting> shingles;
    std::vector<Posting> words;
    QSet<qint64> seen;
    const quint32 base = quint32(d->docs.size());
    int done = 0;
    for (const Document &doc : documents) {
        if (control.cancelled())
            return false;
        if (control.progress)
            control.progress(done++, int(documents.size()));
        if (d->byId.contains(doc.id) || seen.contains(doc.id))
            continue;
        seen.insert(doc.id);
        Doc x;
        x.id = doc.id;
        x.text = doc.text;
        x.source = doc.source;
        x.t = tokenize(doc.text);
        x.values = findValues(doc.text, x.t);
        const quint32 index = base + quint32(fresh.size());
        fingerprint(x, index, d->options, &shingles);
        for (size_t i = 0; i < x.t.tokens.size(); ++i) {
            if (!x.t.tokens[i].isStop())
                words.push_back({x.t.tokens[i].form, index, quint32(i)});
        }
        fresh.push_back(std::move(x));
    }
    if (control.cancelled())
        return false;
    // Only now does the index change, so a cancelled call leaves it as it was.
    for (Doc &x : fresh) {
        const quint32 stamp = quint32(d->docs.size()) + 1;
        for (const Token &t : x.t.tokens) {
            if (!t.isStop())
                d->stemDf.addOnce(t.stem, stamp);
        }
        d->byId.insert(x.id, quint32(d->docs.size()));
        d->docs.push_back(std::move(x));
    }
    mergeIn(&d->shingles, std::move(shingles));
    // Detection looks words up only when their stem is in at most MaxLookedUpDf articles, and
    // document frequencies only grow: the others are never looked up, now or later.
    words.erase(std::remove_if(words.begin(), words.end(),
                               [&](const Posting &p) {
                                   const Token &t = d->docs[p.doc].t.tokens[p.pos];
                                   return d->stemDf.get(t.stem) > MaxLookedUpDf;
                               }),
                words.end());
    d->words.add(words);
    if (control.progress)
        control.progress(int(documents.size()), int(documents.size()));
    return true;
}

namespace {

// One piece of evidence that two passages report the same claim.
struct Link {
    enum Family { Verbatim, Similar, Valued };
    Family family = Verbatim;
    Kind kind = Kind::Sentence;
    quint32 docA = 0, docB = 0;
    int a0 = 0, a1 = 0, b0 = 0, b1 = 0; // token ranges [first, end)
    double score = 0;
    quint64 valueKey = 0;
    QString label;
};

struct UnionFind {
    std::vector<int> parent;
    int add()
    {
        parent.push_back(int(parent.size()));
        return parent.back();
    }
    int find(int x)
    {
        while (parent[size_t(x)] != x)
            x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        return x;
    }
    void unite(int a, int b) { parent[size_t(find(a))] = find(b); }
};

// A sparse TF-IDF vector over stems.
using Vector = std::vector<std::pair<quint32, float>>;

class Run
{
public:
    Run(const Engine &, const std::vector<Doc> &docs, const std::vector<Posting> &shingles, const PostingIndex &words,
        const StemCounts &stemDf, const Options &options, const Control &control)
        : m_docs(docs)
        , m_shingles(shingles)
        , m_words(words)
        , m_stemDf(stemDf)
        , m_options(options)
        , m_control(control)
        , m_n(int(docs.size()))
    {
    }

    std::optional<QList<Suggestion>> go();

private:
    bool tick(int stage);
    int df(quint32 stem) const
    {
        const int n = m_stemDf.get(stem);
        return n == 0 ? 1 : n;
    }
    float idf(quint32 stem) const { return float(std::log(1.0 + double(m_n) / df(stem))); }
    Vector vectorOf(quint32 doc, int first, int end, int skipFirst = 0, int skipEnd = 0) const;
    static double cosine(const Vector &a, const Vector &b, int *shared = nullptr);
    static double squaredNorm(const Vector &a);
    int contentWords(quint32 doc, int first, int end) const;
    bool sameParagraph(quint32 doc, int a, int b) const
    {
        return m_docs[doc].t.paragraphOf(a) == m_docs[doc].t.paragraphOf(b);
    }
    int startOf(quint32 doc, int token) const { return m_docs[doc].t.tokens[size_t(token)].start; }
    int endOf(quint32 doc, int tokenEnd) const { return m_docs[doc].t.tokens[size_t(tokenEnd - 1)].end(); }

    void verbatim();
    void quotes();
    void similar();
    void valued();
    QList<Suggestion> group();
    bool furnitureShaped(quint32 doc, int first, int end) const;
    static quint64 pairKey(quint32 a, quint32 b) { return (quint64(std::min(a, b)) << 32) | std::max(a, b); }
    std::unordered_set<quint64> storyPairs() const;

    const std::vector<Doc> &m_docs;
    const std::vector<Posting> &m_shingles;
    const PostingIndex &m_words;
    const StemCounts &m_stemDf;
    const Options &m_options;
    const Control &m_control;
    const int m_n;
    std::vector<Link> m_links;
    int m_ticks = 0;
};

bool Run::tick(int stage)
{
    if ((++m_ticks & 1023) != 0 && stage >= 0)
        return !m_control.cancelled();
    if (stage >= 0 && m_control.progress)
        m_control.progress(stage, 5);
    return !m_control.cancelled();
}

Vector Run::vectorOf(quint32 doc, int first, int end, int skipFirst, int skipEnd) const
{
    Vector v;
    const std::vector<Token> &tokens = m_docs[doc].t.tokens;
    for (int i = first; i < end; ++i) {
        if (i >= skipFirst && i < skipEnd)
            continue;
        const Token &t = tokens[size_t(i)];
        if (!t.isStop())
            v.emplace_back(t.stem, 0.f);
    }
    std::sort(v.begin(), v.end());
    Vector out;
    for (const auto &[stem, _] : v) {
        if (!out.empty() && out.back().first == stem)
            out.back().second += 1;
        else
            out.emplace_back(stem, 1.f);
    }
    for (auto &[stem, w] : out)
        w = (1.f + std::log(w)) * idf(stem);
    return out;
}

double Run::squaredNorm(const Vector &a)
{
    double n = 0;
    for (const auto &x : a)
        n += double(x.second) * x.second;
    return n;
}

// The dot product of two vectors, and how many stems they share.
static double dotProduct(const Vector &a, const Vector &b, int *shared)
{
    double dot = 0;
    int common = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first) {
            ++i;
        } else if (b[j].first < a[i].first) {
            ++j;
        } else {
            dot += double(a[i].second) * b[j].second;
            ++common;
            ++i;
            ++j;
        }
    }
    if (shared)
        *shared = common;
    return dot;
}

double Run::cosine(const Vector &a, const Vector &b, int *shared)
{
    const double na = squaredNorm(a);
    const double nb = squaredNorm(b);
    const double dot = dotProduct(a, b, shared);
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

int Run::contentWords(quint32 doc, int first, int end) const
{
    int n = 0;
    for (int i = first; i < end; ++i)
        n += m_docs[doc].t.tokens[size_t(i)].isStop() ? 0 : 1;
    return n;
}

// A whole short paragraph with neither a quotation nor a figure or date: the shape of site
// furniture (a heading, caption, link, button or footer). A short paragraph that reports an
// amount or a date is a claim, however many outlets run it word for word: wire copy is printed
// whole paragraph by paragraph.
bool Run::furnitureShaped(quint32 doc, int first, int end) const
{
    const TokenizedText &t = m_docs[doc].t;
    const Range &p = t.paragraphs[size_t(t.paragraphOf(first))];
    const int length = p.end - p.first;
    if (length > 40 || (end - first) * 10 < length * 8)
        return false;
    if (t.nearQuoteMark(p.start, p.stop, 1))
        return false;
    for (const Value &v : m_docs[doc].values) {
        if (v.firstToken >= p.first && v.firstToken < p.end)
            return false;
    }
    return true;
}

// The pairs of articles that report one story, as far as the links so far tell: they share a
// quotation or a passage word for word (site furniture apart, which articles of different stories
// share as well).
std::unordered_set<quint64> Run::storyPairs() const
{
    std::unordered_set<quint64> pairs;
    for (const Link &l : m_links) {
        if (l.family != Link::Verbatim || (furnitureShaped(l.docA, l.a0, l.a1) && furnitureShaped(l.docB, l.b0, l.b1)))
            continue;
        pairs.insert(pairKey(l.docA, l.docB));
    }
    return pairs;
}

// Shared runs of identical words, found from shared fingerprints and extended both ways to where
// the two texts part.
void Run::verbatim()
{
    const int commonCap = std::max(50, m_n / 20);
    std::unordered_map<quint64, std::vector<std::pair<int, int>>> covered; // (docA, docB, diagonal) -> runs
    auto extend = [&](quint32 da, int pa, quint32 db, int pb) {
        if (da > db) {
            std::swap(da, db);
            std::swap(pa, pb);
        }
        const quint64 diagonalKey = mix(mix(da, db), quint64(qint64(pb) - pa + (1ll << 32)));
        std::vector<std::pair<int, int>> &runs = covered[diagonalKey];
        for (const auto &[from, to] : runs) {
            if (pa >= from && pa < to)
                return;
        }
        const std::vector<Token> &ta = m_docs[da].t.tokens;
        const std::vector<Token> &tb = m_docs[db].t.tokens;
        int a0 = pa, b0 = pb;
        while (a0 > 0 && b0 > 0 && ta[size_t(a0 - 1)].form == tb[size_t(b0 - 1)].form && sameParagraph(da, a0 - 1, pa)
               && sameParagraph(db, b0 - 1, pb)) {
            --a0;
            --b0;
        }
        int a1 = pa, b1 = pb;
        while (a1 < int(ta.size()) && b1 < int(tb.size()) && ta[size_t(a1)].form == tb[size_t(b1)].form
               && sameParagraph(da, a1, pa) && sameParagraph(db, b1, pb)) {
            ++a1;
            ++b1;
        }
        runs.emplace_back(a0, a1);
        if (a1 - a0 < m_options.minMatchWords || contentWords(da, a0, a1) < m_options.minMatchContentWords)
            return;
        Link l;
        l.family = Link::Verbatim;
        l.docA = da;
        l.docB = db;
        l.a0 = a0;
        l.a1 = a1;
        l.b0 = b0;
        l.b1 = b1;
        l.score = std::min(1.0, 0.45 + 0.05 * contentWords(da, a0, a1));
        const TokenizedText &A = m_docs[da].t;
        const TokenizedText &B = m_docs[db].t;
        const bool quoted
            = A.nearQuoteMark(startOf(da, a0), endOf(da, a1), 2) || B.nearQuoteMark(startOf(db, b0), endOf(db, b1), 2);
        l.kind = quoted ? Kind::Quote : Kind::Sentence;
        if (furnitureShaped(da, a0, a1) && furnitureShaped(db, b0, b1)
            && (!m_docs[da].source.isEmpty() && m_docs[da].source == m_docs[db].source))
            return;
        m_links.push_back(l);
    };

    const Posting *p = m_shingles.data();
    const Posting *end = p + m_shingles.size();
    while (p != end) {
        const Posting *q = p;
        int docs = 1;
        while (q + 1 != end && (q + 1)->key == p->key) {
            ++q;
            docs += q->doc != (q - 1)->doc ? 1 : 0;
        }
        ++q;
        if (docs >= 2 && docs <= commonCap) {
            // Each occurrence against the first one in another document: linear in occurrences,
            // and the groups still come out whole, since passages are joined transitively.
            const Posting *other = p;
            while (other != q && other->doc == p->doc)
                ++other;
            for (const Posting *r = p; r != q; ++r) {
                const Posting *partner = r->doc == p->doc ? other : p;
                if (partner != q && partner->doc != r->doc)
                    extend(r->doc, int(r->pos), partner->doc, int(partner->pos));
            }
        }
        p = q;
        if (!tick(0))
            return;
    }
}

// A quotation, however short, found word for word in another article next to quote marks there
// too: "Lawsuit time." is too short to be a shared sentence but not to be a shared quote.
void Run::quotes()
{
    const std::unordered_set<quint64> stories = storyPairs();
    // A quotation in [start, stop) of a body: quote marks right before and right after it (its
    // closing punctuation between).
    auto wholeQuotation = [](const TokenizedText &t, int start, int stop) {
        const auto before = std::lower_bound(t.quoteMarks.begin(), t.quoteMarks.end(), start - 2);
        const auto after = std::lower_bound(t.quoteMarks.begin(), t.quoteMarks.end(), stop);
        return before != t.quoteMarks.end() && *before < start && after != t.quoteMarks.end() && *after < stop + 3;
    };
    for (quint32 da = 0; da < quint32(m_n); ++da) {
        const TokenizedText &t = m_docs[da].t;
        const QString &text = m_docs[da].text;
        // Pair the marks of each kind (double, single) within a paragraph; an unclosed one runs to
        // the end of its paragraph.
        for (const bool doubles : {true, false}) {
            std::vector<int> marks;
            for (int m : t.quoteMarks) {
                const QChar c = text.at(m);
                const bool isDouble = c == u'"' || (c.unicode() >= 0x201C && c.unicode() <= 0x201F) || c == u'\u00AB'
                    || c == u'\u00BB' || c == u'\u2033' || c == u'\uFF02';
                if (isDouble == doubles)
                    marks.push_back(m);
            }
            for (size_t i = 0; i < marks.size(); ++i) {
                const int open = marks[i];
                const Range *paragraph = nullptr;
                for (const Range &r : t.paragraphs) {
                    if (open <= r.stop && open + 1 >= r.start) {
                        paragraph = &r;
                        break;
                    }
                }
                if (!paragraph)
                    continue;
                int close = paragraph->stop;
                if (i + 1 < marks.size() && marks[i + 1] <= paragraph->stop) {
                    close = marks[i + 1];
                    ++i;
                }
                // The quotation's words.
                int first = paragraph->first;
                while (first < paragraph->end && t.tokens[size_t(first)].start < open)
                    ++first;
                int last = first;
                while (last < paragraph->end && t.tokens[size_t(last)].end() <= close)
                    ++last;
                const int length = last - first;
                if (length < 2 || length > 60)
                    continue;
                // Look the quotation up by its rarest word.
                int rare = -1;
                int rareDf = 0;
                for (int k = first; k < last; ++k) {
                    const Token &tok = t.tokens[size_t(k)];
                    if (tok.isStop())
                        continue;
                    const int f = df(tok.stem);
                    if (rare < 0 || f < rareDf) {
                        rare = k;
                        rareDf = f;
                    }
                }
                if (rare < 0 || rareDf < 2 || rareDf > MaxLookedUpDf)
                    continue;
                const auto [from, to] = m_words.find(t.tokens[size_t(rare)].form);
                for (const PostingIndex::Entry *r = from; r != to; ++r) {
                    if (r->doc == da)
                        continue;
                    const int b0 = int(r->pos) - (rare - first);
                    const std::vector<Token> &tb = m_docs[r->doc].t.tokens;
                    if (b0 < 0 || b0 + length > int(tb.size()))
                        continue;
                    bool same = true;
                    for (int k = 0; same && k < length; ++k)
                        same = tb[size_t(b0 + k)].form == t.tokens[size_t(first + k)].form;
                    if (!same || !sameParagraph(r->doc, b0, b0 + length - 1))
                        continue;
                    // A short quotation needs quote marks around it in the other article too, and
                    // as a quotation of its own there, or in an article of the same story: a few
                    // common words ("we are not going anywhere") open many a longer quotation.
                    if (length < m_options.minMatchWords) {
                        const TokenizedText &other = m_docs[r->doc].t;
                        const int start = startOf(r->doc, b0);
                        const int stop = endOf(r->doc, b0 + length);
                        if (!other.nearQuoteMark(start, stop, 80))
                            continue;
                        if (!wholeQuotation(other, start, stop) && !stories.contains(pairKey(da, r->doc)))
                            continue;
                    }
                    Link l;
                    l.family = Link::Verbatim;
                    l.kind = Kind::Quote;
                    l.docA = da;
                    l.a0 = first;
                    l.a1 = last;
                    l.docB = r->doc;
                    l.b0 = b0;
                    l.b1 = b0 + length;
                    l.score = std::min(1.0, 0.5 + 0.05 * contentWords(da, first, last));
                    m_links.push_back(l);
                }
            }
        }
        if (!tick(1))
            return;
    }
}

// Clauses that say nearly the same in nearly the same words: candidates share rare words (an
// inverted index), and are compared by the cosine of their TF-IDF vectors.
void Run::similar()
{
    const int rareCap = std::max(2, std::min(m_n / 2, 30));
    static_assert(30 <= MaxLookedUpDf);
    std::vector<std::pair<quint32, quint32>> hits; // (doc, unit)
    std::vector<std::pair<quint32, quint32>> merged;
    std::vector<std::pair<int, int>> rare; // (df, token) of a clause
    // Each clause's vector, its squared norm and content words, made the first time the clause
    // is compared and kept: a clause is a candidate for many others.
    struct Clause {
        Vector v;
        double norm2 = 0;
        int content = -1; // -1: not made yet
    };
    std::vector<size_t> firstClause(size_t(m_n) + 1, 0);
    for (int d = 0; d < m_n; ++d)
        firstClause[size_t(d) + 1] = firstClause[size_t(d)] + m_docs[size_t(d)].t.units.size();
    std::vector<Clause> clauses(firstClause.back());
    auto clauseOf = [&](quint32 doc, quint32 u) -> const Clause & {
        Clause &c = clauses[firstClause[doc] + u];
        if (c.content < 0) {
            const Unit &unit = m_docs[doc].t.units[u];
            c.content = contentWords(doc, unit.first, unit.end);
        }
        return c;
    };
    auto vectorOfClause = [&](quint32 doc, quint32 u) -> const Clause & {
        Clause &c = clauses[firstClause[doc] + u];
        if (c.v.empty()) {
            const Unit &unit = m_docs[doc].t.units[u];
            c.v = vectorOf(doc, unit.first, unit.end);
            c.norm2 = squaredNorm(c.v);
        }
        return c;
    };
    for (quint32 da = 0; da < quint32(m_n); ++da) {
        const TokenizedText &t = m_docs[da].t;
        for (size_t u = 0; u < t.units.size(); ++u) {
            const Unit &unit = t.units[u];
            rare.clear();
            for (int i = unit.first; i < unit.end; ++i) {
                const Token &tok = t.tokens[size_t(i)];
                if (tok.isStop())
                    continue;
                const int f = df(tok.stem);
                if (f >= 2 && f <= rareCap)
                    rare.emplace_back(f, i);
            }
            if (rare.size() < 2 || contentWords(da, unit.first, unit.end) < 4)
                continue;
            std::sort(rare.begin(), rare.end());
            rare.erase(std::unique(rare.begin(), rare.end(),
                                   [&](auto x, auto y) {
                                       return t.tokens[size_t(x.second)].form == t.tokens[size_t(y.second)].form;
                                   }),
                       rare.end());
            hits.clear();
            for (size_t r = 0; r < std::min<size_t>(rare.size(), 4); ++r) {
                // Each word's postings come in (doc, pos) order, so its hits are sorted already:
                // merging them in keeps hits sorted for less than sorting them afterwards.
                const size_t before = hits.size();
                const auto [all, to] = m_words.find(t.tokens[size_t(rare[r].second)].form);
                // Only later articles: each pair of clauses is compared once, from its first one.
                const PostingIndex::Entry *from
                    = std::partition_point(all, to, [da](const PostingIndex::Entry &p) { return p.doc <= da; });
                quint64 lastKey = ~quint64(0);
                for (const PostingIndex::Entry *p = from; p != to; ++p) {
                    const quint32 unitB = m_docs[p->doc].t.tokens[p->pos].unit;
                    const quint64 key = (quint64(p->doc) << 32) | unitB;
                    if (key != lastKey)
                        hits.emplace_back(p->doc, unitB);
                    lastKey = key;
                }
                if (before > 0 && hits.size() > before) {
                    merged.clear();
                    std::merge(hits.begin(), hits.begin() + qsizetype(before), hits.begin() + qsizetype(before),
                               hits.end(), std::back_inserter(merged));
                    hits.swap(merged);
                }
            }
            if (hits.size() < 2)
                continue;
            Q_ASSERT(std::is_sorted(hits.begin(), hits.end()));
            const Clause *va = nullptr;
            const int ca = clauseOf(da, quint32(u)).content;
            for (size_t i = 0; i < hits.size();) {
                size_t j = i;
                while (j < hits.size() && hits[j] == hits[i])
                    ++j;
                if (j - i >= 2) {
                    const quint32 db = hits[i].first;
                    const Unit &ub = m_docs[db].t.units[hits[i].second];
                    const int cb = clauseOf(db, hits[i].second).content;
                    if (cb >= 4 && std::max(ca, cb) <= 2.5 * std::min(ca, cb)) {
                        if (!va)
                            va = &vectorOfClause(da, quint32(u));
                        const Clause &vb = vectorOfClause(db, hits[i].second);
                        const double dot = dotProduct(va->v, vb.v, nullptr);
                        const double c = va->norm2 > 0 && vb.norm2 > 0 ? dot / std::sqrt(va->norm2 * vb.norm2) : 0;
                        if (c >= m_options.sentenceSimilarity) {
                            Link l;
                            l.family = Link::Similar;
                            l.kind = Kind::Sentence;
                            l.docA = da;
                            l.a0 = unit.first;
                            l.a1 = unit.end;
                            l.docB = db;
                            l.b0 = ub.first;
                            l.b1 = ub.end;
                            l.score = c;
                            m_links.push_back(l);
                        }
                    }
                }
                i = j;
            }
            if (!tick(2))
                return;
        }
    }
}

// The same figure or date in two articles, in clauses that share what they say about it.
void Run::valued()
{
    struct Occurrence {
        quint32 doc;
        quint32 value;
    };
    QHash<quint64, std::vector<Occurrence>> byValue;
    const std::unordered_set<quint64> stories = storyPairs();
    auto sameStory = [&](quint32 a, quint32 b) { return stories.contains(pairKey(a, b)); };
    for (quint32 doc = 0; doc < quint32(m_n); ++doc) {
        const std::vector<Value> &values = m_docs[doc].values;
        for (size_t v = 0; v < values.size(); ++v) {
            quint64 key = values[v].key;
            if (!m_options.values) {
                // As written: what detection would see without reducing figures to values.
                const Token &a = m_docs[doc].t.tokens[size_t(values[v].firstToken)];
                const Token &b = m_docs[doc].t.tokens[size_t(values[v].endToken - 1)];
                key = qHash(m_docs[doc].text.mid(a.start, b.end() - a.start));
            }
            byValue[key].push_back({doc, quint32(v)});
        }
    }
    // The clause a value is reported in: its unit, grown to at least eight words.
    auto clause = [&](quint32 doc, const Value &v) {
        const TokenizedText &t = m_docs[doc].t;
        int u0 = int(t.tokens[size_t(v.firstToken)].unit);
        int u1 = int(t.tokens[size_t(v.endToken - 1)].unit);
        const int sentence = t.units[size_t(u0)].sentence;
        while (t.units[size_t(u1)].end - t.units[size_t(u0)].first < 8) {
            if (u1 + 1 < int(t.units.size()) && t.units[size_t(u1 + 1)].sentence == sentence)
                ++u1;
            else if (u0 > 0 && t.units[size_t(u0 - 1)].sentence == sentence)
                --u0;
            else
                break;
        }
        return std::pair{t.units[size_t(u0)].first, t.units[size_t(u1)].end};
    };
    for (auto it = byValue.cbegin(); it != byValue.cend(); ++it) {
        const std::vector<Occurrence> &occ = it.value();
        if (occ.size() < 2 || occ.size() > 64)
            continue;
        std::vector<Vector> context(occ.size());
        for (size_t i = 0; i < occ.size(); ++i) {
            const Value &v = m_docs[occ[i].doc].values[occ[i].value];
            const Range &s = m_docs[occ[i].doc].t.sentences[size_t(m_docs[occ[i].doc].t.sentenceOf(v.firstToken))];
            context[i] = vectorOf(occ[i].doc, s.first, s.end, v.firstToken, v.endToken);
        }
        for (size_t i = 0; i < occ.size(); ++i) {
            for (size_t j = i + 1; j < occ.size(); ++j) {
                if (occ[i].doc == occ[j].doc)
                    continue;
                const Value &a = m_docs[occ[i].doc].values[occ[i].value];
                const Value &b = m_docs[occ[j].doc].values[occ[j].value];
                if (a.type == Value::Date && a.year && b.year && a.year != b.year)
                    continue;
                int shared = 0;
                const double c = cosine(context[i], context[j], &shared);
                // The surer the value alone, the less its clauses need to share: an amount such as
                // $42,000 rarely recurs by chance, a date in a story often does.
                // Two articles of one story (see sameStory) report a value they share far more
                // often than not as the same claim, in their own words: their clauses need to
                // share less.
                auto matches = [&](bool story) {
                    if (shared < 2)
                        return false;
                    if ((a.type == Value::Money || a.type == Value::Percent) && a.significantDigits >= 2)
                        return c >= 0.03;
                    if (a.type == Value::Date)
                        return c >= (story ? 0.1 : 0.2);
                    if (a.significantDigits >= 3)
                        return c >= (story ? 0.075 : 0.15);
                    return c >= (story ? 0.1 : 0.3);
                };
                if (!matches(false) && !(matches(true) && sameStory(occ[i].doc, occ[j].doc)))
                    continue;
                Link l;
                l.family = Link::Valued;
                l.kind = a.type == Value::Date ? Kind::Date : Kind::Figure;
                l.docA = occ[i].doc;
                l.docB = occ[j].doc;
                std::tie(l.a0, l.a1) = clause(l.docA, a);
                std::tie(l.b0, l.b1) = clause(l.docB, b);
                l.score = std::min(1.0, 0.5 + 0.5 * c);
                l.valueKey = it.key();
                l.label = a.type == Value::Date && a.year == 0 && b.year ? b.display : a.display;
                m_links.push_back(l);
            }
        }
        if (!tick(3))
            return;
    }
}

QList<Suggestion> Run::group()
{
    struct Node {
        quint32 doc;
        int first, end; // tokens
        int link;
    };
    std::vector<Node> nodes;
    for (size_t i = 0; i < m_links.size(); ++i) {
        const Link &l = m_links[i];
        nodes.push_back({l.docA, l.a0, l.a1, int(i)});
        nodes.push_back({l.docB, l.b0, l.b1, int(i)});
    }
    UnionFind uf;
    for (size_t i = 0; i < nodes.size(); ++i)
        uf.add();
    for (size_t i = 0; i < m_links.size(); ++i)
        uf.unite(int(2 * i), int(2 * i + 1));
    // Passages of one family in one article that mostly overlap are one passage; figures and
    // dates only join passages of the same value.
    auto familyKey = [&](const Node &n) {
        const Link &l = m_links[size_t(n.link)];
        return l.family == Link::Valued ? mix(l.valueKey, 3) : quint64(l.family == Link::Similar ? 2 : 1);
    };
    std::vector<int> order(nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const Node &a = nodes[size_t(x)];
        const Node &b = nodes[size_t(y)];
        const quint64 fa = familyKey(a), fb = familyKey(b);
        return fa != fb ? fa < fb : a.doc != b.doc ? a.doc < b.doc : a.first < b.first;
    });
    for (size_t i = 0; i < order.size(); ++i) {
        const Node &a = nodes[size_t(order[i])];
        for (size_t j = i + 1; j < order.size(); ++j) {
            const Node &b = nodes[size_t(order[j])];
            if (b.doc != a.doc || familyKey(a) != familyKey(b) || b.first >= a.end)
                break;
            const int overlap = std::min(a.end, b.end) - b.first;
            if (2 * overlap >= std::min(a.end - a.first, b.end - b.first))
                uf.unite(order[i], order[j]);
        }
    }

    // The tokens of each article inside verbatim passages, so that other families can see when
    // they only repeat one.
    std::unordered_map<quint32, std::vector<bool>> verbatimAt;
    for (const Node &n : nodes) {
        if (m_links[size_t(n.link)].family != Link::Verbatim)
            continue;
        std::vector<bool> &bits = verbatimAt[n.doc];
        if (bits.empty())
            bits.resize(m_docs[n.doc].t.tokens.size());
        for (int k = n.first; k < n.end; ++k)
            bits[size_t(k)] = true;
    }
    // A link between passages that are both already part of verbatim suggestions adds nothing
    // when they are in the same one, and when they are in two different ones it would join two
    // claims the exact wording keeps apart.
    auto coveredByVerbatim = [&](const Link &l) {
        auto covered = [&](quint32 doc, int first, int end) {
            const auto it = verbatimAt.find(doc);
            if (it == verbatimAt.end())
                return false;
            for (int k = first; k < end; ++k) {
                if (it->second[size_t(k)])
                    return true;
            }
            return false;
        };
        return covered(l.docA, l.a0, l.a1) && covered(l.docB, l.b0, l.b1);
    };

    std::unordered_map<int, std::vector<int>> members; // root -> links
    for (size_t i = 0; i < m_links.size(); ++i) {
        if (m_links[i].family != Link::Verbatim && coveredByVerbatim(m_links[i]))
            continue;
        members[uf.find(int(2 * i))].push_back(int(i));
    }

    QList<Suggestion> result;
    for (const auto &[root, linkIds] : members) {
        Q_UNUSED(root);
        // The group's passages: per article, overlapping spans joined.
        std::vector<Node> spans;
        bool quoted = false;
        double score = 0;
        const Link &first = m_links[size_t(linkIds.front())];
        for (int id : linkIds) {
            const Link &l = m_links[size_t(id)];
            spans.push_back({l.docA, l.a0, l.a1, id});
            spans.push_back({l.docB, l.b0, l.b1, id});
            quoted = quoted || l.kind == Kind::Quote;
            score = std::max(score, l.score);
        }
        std::sort(spans.begin(), spans.end(),
                  [](const Node &a, const Node &b) { return a.doc != b.doc ? a.doc < b.doc : a.first < b.first; });
        std::vector<Node> merged;
        for (const Node &s : spans) {
            if (!merged.empty() && merged.back().doc == s.doc && s.first < merged.back().end)
                merged.back().end = std::max(merged.back().end, s.end);
            else
                merged.push_back(s);
        }
        int docs = 0;
        for (size_t i = 0; i < merged.size(); ++i)
            docs += (i == 0 || merged[i].doc != merged[i - 1].doc) ? 1 : 0;
        if (docs < 2)
            continue;
        // Site furniture: the same whole short paragraph in at least half the articles.
        if (first.family == Link::Verbatim && !quoted && m_n >= 3 && docs * 2 >= m_n) {
            bool furniture = true;
            for (const Node &s : merged)
                furniture = furniture && furnitureShaped(s.doc, s.first, s.end);
            if (furniture)
                continue;
        }
        // ... and wherever it is, a heading or caption shared word for word is not a claim.
        if (first.family == Link::Verbatim && !quoted) {
            bool allShort = true;
            for (const Node &s : merged) {
                const TokenizedText &t = m_docs[s.doc].t;
                const Range &p = t.paragraphs[size_t(t.paragraphOf(s.first))];
                const QString &text = m_docs[s.doc].text;
                const bool sentenceEnd = p.stop < text.size() && QStringLiteral(".!?").contains(text.at(p.stop));
                allShort = allShort && furnitureShaped(s.doc, s.first, s.end) && !sentenceEnd;
            }
            if (allShort)
                continue;
        }
        Suggestion sg;
        sg.kind = first.family == Link::Verbatim ? (quoted ? Kind::Quote : Kind::Sentence) : first.kind;
        sg.score = score;
        QStringList texts;
        const Node *longest = &merged.front();
        for (const Node &s : merged) {
            const int start = startOf(s.doc, s.first);
            const int stop = endOf(s.doc, s.end);
            sg.passages.append({m_docs[s.doc].id, start, stop});
            texts << normalisedPassageText(QStringView(m_docs[s.doc].text).mid(start, stop - start).toString());
            sg.passageKeys.append(
                passageKeyOfNormalised(first.family == Link::Verbatim ? Kind::Sentence : first.kind, texts.back()));
            if (s.end - s.first > longest->end - longest->first)
                longest = &s;
        }
        const QString longestText
            = m_docs[longest->doc].text.mid(startOf(longest->doc, longest->first),
                                            endOf(longest->doc, longest->end) - startOf(longest->doc, longest->first));
        if (first.family == Link::Valued)
            sg.label = first.label + QStringLiteral(": ") + shortened(longestText, 60);
        else
            sg.label = shortened(longestText, 80);
        sg.key = suggestionKeyOfNormalised(sg.kind, texts);
        result.append(sg);
    }
    std::sort(result.begin(), result.end(), [](const Suggestion &a, const Suggestion &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.key < b.key;
    });
    return result;
}

std::optional<QList<Suggestion>> Run::go()
{
    verbatim();
    if (!tick(-1))
        return std::nullopt;
    quotes();
    if (!tick(-1))
        return std::nullopt;
    similar();
    if (!tick(-1))
        return std::nullopt;
    valued();
    if (!tick(-1))
        return std::nullopt;
    QList<Suggestion> result = group();
    if (m_control.progress)
        m_control.progress(5, 5);
    return result;
}

} // namespace

std::optional<QList<Suggestion>> Engine::detect(const Control &control) const
{
    Run run(*this, d->docs, d->shingles, d->words, d->stemDf, d->options, control);
    return run.go();
}

} // namespace Detect
