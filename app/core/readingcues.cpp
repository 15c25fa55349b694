#include "readingcues.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <algorithm>
#include <memory>

#include <QCoreApplication>
#include <QFuture>
#include <QPalette>
#include <QtConcurrentRun>
#include <QThread>

namespace ReadingCues {

namespace {

// Runs the grammar over paragraphs and keeps what it would have painted.
class CueCollector : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    explicit CueCollector(const KSyntaxHighlighting::Definition &definition) { setDefinition(definition); }

    QList<Cue> collect(const QString &text)
    {
        m_cues.clear();
        // Every paragraph starts afresh: a quotation never runs past its paragraph, so a state
        // carried over could only be wrong.
        qsizetype from = 0;
        while (from <= text.size()) {
            qsizetype to = text.indexOf(QLatin1Char('\n'), from);
            if (to < 0)
                to = text.size();
            m_lineStart = int(from);
            highlightLine(QStringView(text).sliced(from, to - from), KSyntaxHighlighting::State());
            from = to + 1;
        }
        return m_cues;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (length <= 0)
            return;
        for (Kind kind : kindsOfFormat(format.name()))
            m_cues.append({kind, m_lineStart + offset, m_lineStart + offset + length});
    }

private:
    QList<Cue> m_cues;
    int m_lineStart = 0;
};

bool isSpace(QChar c)
{
    return c.isSpace(); // no-break and thin spaces included
}

// Pieces of one cue come in several runs: a quotation around a figure in it, "20th" "April"
// "2023" as three dates, "according" "to". Joins them, and trims spaces a run took along.
QList<Cue> joined(QList<Cue> cues, const QString &text)
{
    auto byKindThenStart
        = [](const Cue &a, const Cue &b) { return a.kind != b.kind ? a.kind < b.kind : a.start < b.start; };
    std::stable_sort(cues.begin(), cues.end(), byKindThenStart);
    // Runs that touch are one cue: a quotation goes on through the figures inside it.
    QList<Cue> touching;
    for (const Cue &c : std::as_const(cues)) {
        if (!touching.isEmpty() && touching.last().kind == c.kind && c.start <= touching.last().end)
            touching.last().end = std::max(touching.last().end, c.end);
        else
            touching.append(c);
    }
    for (Cue &c : touching) {
        while (c.start < c.end && isSpace(text.at(c.start)))
            ++c.start;
        while (c.end > c.start && isSpace(text.at(c.end - 1)))
            --c.end;
    }
    touching.removeIf([](const Cue &c) { return c.start >= c.end; });
    // Words of one date or figure are separate runs with spaces between them; two quotations
    // with a space between them stay two.
    QList<Cue> result;
    for (const Cue &c : std::as_const(touching)) {
        if (!result.isEmpty() && result.last().kind == c.kind && c.kind != Kind::Quotation) {
            const QStringView gap = QStringView(text).sliced(result.last().end, c.start - result.last().end);
            if (!gap.contains(QLatin1Char('\n')) && std::all_of(gap.begin(), gap.end(), isSpace)) {
                result.last().end = c.end;
                continue;
            }
        }
        result.append(c);
    }
    std::stable_sort(result.begin(), result.end(), [](const Cue &a, const Cue &b) {
        return a.start != b.start ? a.start < b.start : a.kind < b.kind;
    });
    return result;
}

} // namespace

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Quotation:
        return QStringLiteral("quotation");
    case Kind::Attribution:
        return QStringLiteral("attribution");
    case Kind::Hedge:
        return QStringLiteral("hedge");
    case Kind::Figure:
        return QStringLiteral("figure");
    case Kind::Date:
        return QStringLiteral("date");
    }
    return {};
}

QString definitionName()
{
    return QStringLiteral("Parallax News Prose");
}

namespace {
bool onMainThread()
{
    return QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread();
}

// The main thread's repository, and the one being made for it on a worker when
// prepareRepository() was called: owned here either way, so one that was prepared and never
// asked for is deleted at exit too.
struct MainRepository {
    std::unique_ptr<KSyntaxHighlighting::Repository> repo;
    QFuture<KSyntaxHighlighting::Repository *> pending;
    bool fromWorker = false;
    ~MainRepository()
    {
        if (pending.isValid())
            delete pending.result(); // the worker is done: the application waited for its pool
    }
};

MainRepository &mainRepository()
{
    static MainRepository held;
    return held;
}
} // namespace

void prepareRepository()
{
    MainRepository &held = mainRepository();
    if (!onMainThread() || held.repo || held.pending.isValid())
        return;
    QThread *mainThread = QThread::currentThread();
    held.pending = QtConcurrent::run([mainThread] {
        auto *repo = new KSyntaxHighlighting::Repository;
        repo->moveToThread(mainThread); // from here on only the main thread touches it
        return repo;
    });
}

KSyntaxHighlighting::Repository &repository()
{
    if (!onMainThread()) {
        thread_local KSyntaxHighlighting::Repository repo;
        return repo;
    }
    MainRepository &held = mainRepository();
    if (!held.repo) {
        held.fromWorker = held.pending.isValid();
        held.repo.reset(held.fromWorker ? held.pending.result() : new KSyntaxHighlighting::Repository);
        held.pending = {};
    }
    return *held.repo;
}

bool mainRepositoryWasPrepared()
{
    return mainRepository().fromWorker;
}

KSyntaxHighlighting::Theme themeFor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                          : KSyntaxHighlighting::Repository::LightTheme);
}

KSyntaxHighlighting::Definition definition()
{
    return repository().definitionForName(definitionName());
}

QList<Kind> kindsOfFormat(const QString &formatName)
{
    static const QHash<QString, QList<Kind>> kinds{
        {QStringLiteral("Quotation"), {Kind::Quotation}},
        {QStringLiteral("Attribution"), {Kind::Attribution}},
        {QStringLiteral("Hedge"), {Kind::Hedge}},
        {QStringLiteral("Figure"), {Kind::Figure}},
        {QStringLiteral("Date"), {Kind::Date}},
        {QStringLiteral("Quoted Hedge"), {Kind::Quotation, Kind::Hedge}},
        {QStringLiteral("Quoted Figure"), {Kind::Quotation, Kind::Figure}},
        {QStringLiteral("Quoted Date"), {Kind::Quotation, Kind::Date}},
    };
    return kinds.value(formatName);
}

QList<Cue> cuesIn(const QString &text)
{
    CueCollector collector(definition());
    return joined(collector.collect(text), text);
}

Wording suggestWording(const QString &text, int start, int end)
{
    start = std::clamp(start, 0, int(text.size()));
    end = std::clamp(end, start, int(text.size()));
    // Only the paragraphs the passage touches: cues never cross a paragraph.
    const int from = start > 0 ? int(text.lastIndexOf(QLatin1Char('\n'), start - 1)) + 1 : 0;
    int to = int(text.indexOf(QLatin1Char('\n'), end));
    if (to < 0)
        to = int(text.size());
    const QString paragraphs = text.mid(from, to - from);
    const int s = start - from, e = end - from;
    const QList<Cue> cues = cuesIn(paragraphs);

    // The sentence(s) around the passage: back to the end of the previous sentence, on to the end
    // of the last one it touches.
    auto isSentenceEnd = [&](int i) {
        const QChar c = paragraphs.at(i);
        return (c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?'))
            && (i + 1 >= paragraphs.size() || isSpace(paragraphs.at(i + 1)));
    };
    int sentenceStart = s;
    while (sentenceStart > 0 && !isSentenceEnd(sentenceStart - 1)
           && paragraphs.at(sentenceStart - 1) != QLatin1Char('\n'))
        --sentenceStart;
    int sentenceEnd = std::max(e, s);
    while (sentenceEnd < paragraphs.size() && paragraphs.at(sentenceEnd) != QLatin1Char('\n')
           && !(sentenceEnd > s && sentenceEnd >= e && isSentenceEnd(sentenceEnd - 1)))
        ++sentenceEnd;

    int quoted = 0;
    int letters = 0;
    for (int i = s; i < e; ++i) {
        if (isSpace(paragraphs.at(i)))
            continue;
        ++letters;
        for (const Cue &c : cues) {
            if (c.kind == Kind::Quotation && c.start <= i && i < c.end) {
                ++quoted;
                break;
            }
        }
    }
    if (letters > 0 && quoted * 2 >= letters)
        return Wording::Verbatim;
    auto inSentence = [&](Kind kind) {
        return std::any_of(cues.begin(), cues.end(), [&](const Cue &c) {
            return c.kind == kind && c.end > sentenceStart && c.start < sentenceEnd;
        });
    };
    if (inSentence(Kind::Attribution))
        return Wording::Attributed;
    if (inSentence(Kind::Hedge))
        return Wording::Hedged;
    return Wording::Stated;
}

} // namespace ReadingCues
