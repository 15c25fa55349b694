// The application benchmarks of issue #8, one mode per figure; bench/run drives them and prints
// the BENCH lines. Modes that compare two things in one process print their BENCH line
// themselves; modes meant to be timed from outside (startup, open) print "key value" lines.
//
//   bench_app startup-app | startup-baseline      one cold start to the first paint, then exit
//   bench_app generate PATH ARTICLES HIGHLIGHTS CLAIMS
//                                                 a workspace made up for size, in one transaction
//   bench_app open PATH                           open a workspace in the window: ms to first paint,
//                                                 peak RSS, quick_check ms
//   bench_app highlight-commit DIR                create-a-highlight latency ÷ fdatasync of an append
//   bench_app repaint-5k DIR                      repaint of a pane with 5,000 highlights ÷ none, by
//                                                 the clock (repaint-5k-wall); leaves the two
//                                                 workspaces in DIR for repaint-once
//   bench_app repaint-once PATH                   the same repaints once, for callgrind to count
//                                                 (--toggle-collect=*measuredRepaint*)
//   bench_app bulk-load DIR                       100,000 highlights through the store ÷ sqlite3 .import
//   bench_app query-flat DIR                      per-article highlight query at 100k rows ÷ 1k rows
#include "annotationstore.h"
#include "annotator.h"
#include "application.h"
#include "highlightlayer.h"
#include "importer.h"
#include "mainwindow.h"
#include "readingpane.h"
#include "samplestory.h"
#include "workspace.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextBrowser>
#include <QTextEdit>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// One BENCH line: value and baseline in a unit, their ratio against a bound.
void bench(const char *name, double value, double baseline, const char *unit, double target)
{
    const double ratio = baseline > 0 ? value / baseline : 0;
    std::printf("BENCH %s value=%.3f%s baseline=%.3f%s ratio=%.3f target=%.2f %s\n", name, value, unit, baseline, unit,
                ratio, target, ratio > 0 && ratio <= target ? "PASS" : "MISS");
    std::fflush(stdout);
}

int fail(const QString &why)
{
    std::fprintf(stderr, "bench_app: %s\n", qPrintable(why));
    return 1;
}

// ---- first paint ---------------------------------------------------------------------------

// Calls done once a paint of a watched kind of widget has been done (after the paint event
// returns and the frame is flushed, on the next turn of the loop). It is a timer, started before
// any the app starts while painting (work it leaves for after its first frame), so it fires
// first; a queued call would not be sure to, as Qt's timers and posted events are separate
// sources of the event loop. Timers due together all fire in one turn, so done has to stop the
// clock itself: quitting the loop would let the app's work run before exec() returns.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<bool(QObject *)> watched, std::function<void()> done)
        : m_watched(std::move(watched))
    {
        m_done.setSingleShot(true);
        m_done.setInterval(0);
        connect(&m_done, &QTimer::timeout, qApp, std::move(done));
        qApp->installEventFilter(this);
    }
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (!m_seen && e->type() == QEvent::Paint && m_watched(o)) {
            m_seen = true;
            m_done.start();
        }
        return false;
    }

private:
    std::function<bool(QObject *)> m_watched;
    QTimer m_done;
    bool m_seen = false;
};

bool isPaneText(QObject *o)
{
    // The viewport of a reading pane's text view.
    QObject *view = o->parent();
    return view && view->objectName() == QLatin1String("articleText") && qobject_cast<QTextBrowser *>(view);
}

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

QString sampleText()
{
    QStringList parts;
    const QStringList names = QDir(QStringLiteral(":/sample")).entryList({QStringLiteral("*.txt")}, QDir::Files);
    for (const QString &name : names) {
        const Importer::Result r = Importer::importFile(QStringLiteral(":/sample/") + name);
        if (r.ok())
            parts << r.draft.headline << r.draft.body;
    }
    return parts.join(QStringLiteral("\n\n"));
}

int startupApp()
{
    Application::setUp(); // as the executable does before it makes its window
    MainWindow window;
    window.resize(1400, 860);
    // Start-up ends at the first paint: neither this nor the baseline tears its window down.
    FirstPaint watch(isPaneText, [] { std::_Exit(0); });
    window.openSampleStory();
    window.show();
    QTimer::singleShot(60000, qApp, [] { QCoreApplication::exit(3); });
    std::_Exit(QApplication::exec());
}

int startupBaseline()
{
    // The least a Qt reader could do: one window, one text edit holding the same five articles.
    QTextEdit edit;
    edit.setReadOnly(true);
    edit.setPlainText(sampleText());
    edit.resize(1400, 860);
    FirstPaint watch([&edit](QObject *o) { return o == edit.viewport(); }, [] { std::_Exit(0); });
    edit.show();
    QTimer::singleShot(60000, qApp, [] { QCoreApplication::exit(3); });
    std::_Exit(QApplication::exec());
}

// ---- generated workspaces ------------------------------------------------------------------

QString paragraph(QRandomGenerator &random, int words)
{
    static const QStringList Vocabulary
        = QStringLiteral("the outlet reported that officials said a spokesperson confirmed data platform company "
                         "lawsuit claims evidence according to sources familiar with the matter allegedly announced "
                         "statement investigation million users access advertising agreement court filing week "
                         "earlier analysts expected revenue growth regulators privacy policy change public response "
                         "comment declined 12 percent $4.5 billion on March 3")
              .split(QLatin1Char(' '));
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << Vocabulary.at(random.bounded(int(Vocabulary.size())));
    out.first()[0] = out.first().at(0).toUpper();
    return out.join(QLatin1Char(' ')) + QLatin1Char('.');
}

QString articleBody(QRandomGenerator &random, int paragraphs)
{
    QStringList body;
    for (int p = 0; p < paragraphs; ++p)
        body << paragraph(random, 70 + random.bounded(30));
    return body.join(QLatin1Char('\n'));
}

bool exec(QSqlQuery &q, const QVariantList &values = {})
{
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    std::fprintf(stderr, "bench_app: %s\n", qPrintable(q.lastError().text()));
    return false;
}

// A workspace of articles (about 6 KB of prose each), highlights spread evenly over them and
// linked in turn to claims, written with bulk SQL in one transaction after Workspace::open has
// made the schema. Every article is shown, as after importing them all.
bool generate(const QString &path, int articles, int highlights, int claims, int paragraphs = 10)
{
    {
        QString error;
        auto ws = Workspace::open(path, &error);
        if (!ws) {
            fail(error);
            return false;
        }
    }
    const QString name = QStringLiteral("bench-generate");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open() && db.transaction();
        QRandomGenerator random(20230420);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QSqlQuery article(db), claim(db), highlight(db), appearance(db);
        article.prepare(QStringLiteral(
            "INSERT INTO articles(id, headline, body, outlet, author, url, published, imported, original, "
            "original_format, source_name, original_encoding, original_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        claim.prepare(
            QStringLiteral("INSERT INTO claims(id, title, status_tag, created, modified) VALUES (?,?,?,?,?)"));
        highlight.prepare(QStringLiteral("INSERT INTO highlights(id, article_id, start, end, quote, prefix, suffix, "
                                         "created, modified) VALUES (?,?,?,?,?,?,?,?,?)"));
        appearance.prepare(QStringLiteral("INSERT INTO appearances(highlight_id, claim_id, wording) VALUES (?,?,?)"));
        for (int c = 1; ok && c <= claims; ++c) {
            ok = exec(
                claim,
                {c, QStringLiteral("Generated claim %1").arg(c), c % 7 == 1 ? QVariant(1) : QVariant(), now, now});
        }
        const int perArticle = articles ? highlights / articles : 0;
        static const QStringList Wordings
            = {QStringLiteral("verbatim"), QStringLiteral("paraphrase"), QStringLiteral("attributed"),
               QStringLiteral("hedged"), QStringLiteral("stated")};
        qint64 h = 0;
        for (int a = 1; ok && a <= articles; ++a) {
            const QString body = articleBody(random, paragraphs);
            const QByteArray original = body.toUtf8();
            ok = exec(article,
                      {a, QStringLiteral("Generated article %1 on the same story").arg(a), body,
                       QStringLiteral("Outlet %1").arg(a), QStringLiteral("A. Writer"),
                       QStringLiteral("https://example.invalid/story/%1").arg(a),
                       QStringLiteral("2023-04-%1").arg(10 + a % 20), now, original, QStringLiteral("text"),
                       QStringLiteral("generated-%1.txt").arg(a), QStringLiteral("UTF-8"),
                       QCryptographicHash::hash(original, QCryptographicHash::Sha256)});
            // Evenly spread passages of about 40 characters, on word boundaries.
            const int step = perArticle ? int(body.size()) / perArticle : 0;
            for (int i = 0; ok && i < perArticle; ++i) {
                int start = i * step;
                while (start > 0 && start < body.size() && body.at(start - 1) != QLatin1Char(' '))
                    ++start;
                const int end = std::min(int(body.size()), start + std::max(4, std::min(40, step - 8)));
                if (end <= start)
                    continue;
                ++h;
                ok = exec(highlight,
                          {h, a, start, end, body.mid(start, end - start),
                           body.mid(std::max(0, start - 32), std::min(32, start)), body.mid(end, 32), now, now});
                if (ok && claims)
                    ok = exec(appearance, {h, 1 + (h - 1) % claims, Wordings.at(h % Wordings.size())});
            }
        }
        ok = ok && db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// ---- opening a workspace -------------------------------------------------------------------

int openWorkspace(const QString &path)
{
    // What the integrity check on opening costs, measured on its own first (a second connection).
    double checkMs = 0;
    {
        const QString name = QStringLiteral("bench-check");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q(db);
            QElapsedTimer t;
            t.start();
            q.exec(QStringLiteral("PRAGMA quick_check"));
            q.next();
            checkMs = msSince(t);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    QCoreApplication::processEvents();
    QElapsedTimer t;
    double ms = 0;
    FirstPaint watch(isPaneText, [&] {
        ms = msSince(t);
        QCoreApplication::exit(0);
    });
    t.start();
    if (!window.openWorkspace(path))
        return fail(QStringLiteral("cannot open %1").arg(path));
    QTimer::singleShot(120000, qApp, [] { QCoreApplication::exit(3); });
    const int rc = QApplication::exec();
    std::printf("first_paint_ms %.3f\npeak_rss_kb %ld\nquick_check_ms %.3f\n", ms, peakRssKb(), checkMs);
    std::fflush(stdout);
    // Leave without tearing the window down: background detection may still run.
    std::_Exit(rc);
}

// ---- highlight latency -------------------------------------------------------------------------

int highlightCommit(const QString &dir)
{
    const QString path = QDir(dir).filePath(QStringLiteral("commit.parallax"));
    QFile::remove(path);
    if (!generate(path, 5, 0, 0, 30))
        return fail(QStringLiteral("cannot generate %1").arg(path));
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws)
        return fail(error);
    Annotator annotator(ws.get());
    const QList<ArticleSummary> articles = ws->articles();
    const QString appendPath = QDir(dir).filePath(QStringLiteral("append.log"));
    const int fd = ::open(QFile::encodeName(appendPath).constData(), O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0600);
    if (fd < 0)
        return fail(QStringLiteral("cannot write %1").arg(appendPath));
    const QByteArray record(120, 'x');
    QList<double> create, sync;
    // Interleaved, so that both medians see the same moments of a noisy disk; enough of them
    // that the medians hold still from one run to the next.
    const int runs = 101;
    for (int i = 0; i < runs + 2; ++i) {
        const ArticleSummary &a = articles.at(i % articles.size());
        const int start = 50 + 97 * int(i / articles.size()); // a new passage each time

        QElapsedTimer t;
        t.start();
        const qint64 id = annotator.highlight(a.id, start, start + 30);
        const double ms = msSince(t);
        if (!id)
            return fail(annotator.lastError());
        t.restart();
        if (::write(fd, record.constData(), size_t(record.size())) != record.size() || ::fdatasync(fd) != 0)
            return fail(QStringLiteral("append failed"));
        const double syncMs = msSince(t);
        if (i >= 2) { // the first two warm caches and statements
            create << ms;
            sync << syncMs;
        }
    }
    ::close(fd);
    bench("highlight-commit", median(create), median(sync), "ms", 1.2);
    return 0;
}

// ---- repaint with many highlights -----------------------------------------------------------

// One repaint that counts (callgrind's --toggle-collect=*measuredRepaint*, or the clock).
Q_NEVER_INLINE double measuredRepaint(QWidget *viewport)
{
    QElapsedTimer t;
    t.start();
    viewport->repaint();
    return msSince(t);
}

// Repaints of a pane at 60 places in its article, the first five to warm up; the others' times.
QList<double> repaintTimes(const QString &path)
{
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws) {
        fail(error);
        return {};
    }
    AnnotationStore store(ws.get());
    const ArticleSummary a = ws->articles().first();
    QWidget window;
    window.resize(460, 900);
    auto *pane = new ReadingPane(a, ws->articleBody(a.id), &window);
    pane->setStore(&store);
    pane->resize(460, 900);
    window.show();
    QCoreApplication::processEvents();
    std::fprintf(stderr, "repaint: %lld highlights in the pane\n", qint64(pane->highlightLayer()->highlights().size()));
    QWidget *viewport = pane->textView()->viewport();
    QScrollBar *bar = pane->textView()->verticalScrollBar();
    QList<double> times;
    for (int i = 0; i < 60; ++i) {
        // Different places in the article, the same ones for both workspaces.
        bar->setValue(int(qint64(bar->maximum()) * ((i * 37) % 100) / 100));
        if (i < 5)
            viewport->repaint();
        else
            times << measuredRepaint(viewport);
    }
    return times;
}

QString repaintPath(const QString &dir, bool many)
{
    return QDir(dir).filePath(many ? QStringLiteral("repaint-5k.parallax") : QStringLiteral("repaint-none.parallax"));
}

int repaint5k(const QString &dir)
{
    const QString none = repaintPath(dir, false);
    const QString many = repaintPath(dir, true);
    QFile::remove(none);
    QFile::remove(many);
    // One long article (about 600 KB of prose), the same text in both.
    if (!generate(none, 1, 0, 0, 1000) || !generate(many, 1, 5000, 50, 1000))
        return fail(QStringLiteral("cannot generate the workspaces"));
    QList<double> with, without;
    for (int round = 0; round < 3; ++round) {
        without << median(repaintTimes(none));
        with << median(repaintTimes(many));
    }
    bench("repaint-5k-wall", median(with), median(without), "ms", 1.1);
    return 0;
}

int repaintOnce(const QString &path)
{
    return repaintTimes(path).size() == 55 ? 0 : 1;
}

// ---- bulk load and flat queries --------------------------------------------------------------

int bulkLoad(const QString &dir)
{
    const int rows = 100000, articles = 100;
    const QString appPath = QDir(dir).filePath(QStringLiteral("bulk-app.parallax"));
    const QString cliPath = QDir(dir).filePath(QStringLiteral("bulk-cli.parallax"));
    const QString csvPath = QDir(dir).filePath(QStringLiteral("bulk.csv"));
    QFile::remove(appPath);
    QFile::remove(cliPath);
    if (!generate(appPath, articles, 0, 0, 20))
        return fail(QStringLiteral("cannot generate %1").arg(appPath));
    // The same empty workspace for the command line (checkpointed, so the copy is whole).
    {
        QString error;
        auto ws = Workspace::open(appPath, &error);
        QSqlQuery(QSqlDatabase::database(ws->connectionName())).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile::copy(appPath, cliPath);

    // The rows, made once: the same highlights for both.
    QString error;
    auto ws = Workspace::open(appPath, &error);
    if (!ws)
        return fail(error);
    QList<Highlight> made;
    made.reserve(rows);
    QList<QString> bodies;
    for (int a = 1; a <= articles; ++a)
        bodies << ws->articleBody(a);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < rows; ++i) {
        const int a = 1 + i % articles;
        const QString &body = bodies.at(a - 1);
        const int start = (i / articles * 11) % std::max(1, int(body.size()) - 60);
        Highlight h = AnnotationStore::makeHighlight(a, body, start, start + 40);
        h.id = i + 1;
        h.created = h.modified = now;
        made << h;
    }
    {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("cannot write %1").arg(csvPath));
        auto quoted = [](QString s) {
            return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        };
        const QString t = now.toString(Qt::ISODateWithMs);
        for (const Highlight &h : std::as_const(made)) {
            csv.write(QStringLiteral("%1,%2,%3,%4,%5,%6,%7,\"\",0,%8,%8\n")
                          .arg(h.id)
                          .arg(h.articleId)
                          .arg(h.start)
                          .arg(h.end)
                          .arg(quoted(h.quote), quoted(h.prefix), quoted(h.suffix), t)
                          .toUtf8());
        }
    }

    // The application's way: the store's bulk insert (one transaction, one prepared statement).
    AnnotationStore store(ws.get());
    QElapsedTimer t;
    t.start();
    {
        if (store.addHighlights(made).size() != made.size())
            return fail(store.lastError());
    }
    const double appMs = msSince(t);

    // The sqlite3 command line importing the same rows into the same schema.
    QProcess cli;
    t.restart();
    cli.start(QStringLiteral("sqlite3"),
              {cliPath, QStringLiteral("PRAGMA synchronous = FULL;"), QStringLiteral("PRAGMA foreign_keys = ON;"),
               QStringLiteral(".import --csv %1 highlights").arg(csvPath)});
    if (!cli.waitForFinished(600000) || cli.exitCode() != 0)
        return fail(QStringLiteral("sqlite3 import failed: %1").arg(QString::fromUtf8(cli.readAllStandardError())));
    const double cliMs = msSince(t);
    QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-bulk"));
    check.setDatabaseName(cliPath);
    check.open();
    QSqlQuery count(check);
    count.exec(QStringLiteral("SELECT count(*) FROM highlights"));
    count.next();
    if (count.value(0).toInt() != rows)
        return fail(QStringLiteral("sqlite3 imported %1 rows, not %2").arg(count.value(0).toInt()).arg(rows));
    std::fprintf(stderr, "bulk-load: %d rows, store %.0f ms, sqlite3 .import %.0f ms\n", rows, appMs, cliMs);
    bench("bulk-load", appMs, cliMs, "ms", 1.0);
    return 0;
}

double perArticleQueryUs(const QString &path, int articles)
{
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws) {
        fail(error);
        return -1;
    }
    AnnotationStore store(ws.get());
    QList<double> times;
    qint64 rows = 0;
    for (int i = 0; i < 400; ++i) {
        const qint64 article = 1 + (i * 7919) % articles;
        QElapsedTimer t;
        t.start();
        rows += store.highlightsOf(article).size();
        if (i >= 20)
            times << double(t.nsecsElapsed()) / 1e3;
    }
    std::fprintf(stderr, "query-flat: %s: %lld rows read in 400 queries\n", qPrintable(QFileInfo(path).fileName()),
                 rows);
    return median(times);
}

int queryFlat(const QString &dir)
{
    const QString small = QDir(dir).filePath(QStringLiteral("query-1k.parallax"));
    const QString large = QDir(dir).filePath(QStringLiteral("query-100k.parallax"));
    QFile::remove(small);
    QFile::remove(large);
    // 100 highlights per article in both: 10 articles, or 1,000.
    if (!generate(small, 10, 1000, 20, 4) || !generate(large, 1000, 100000, 2000, 4))
        return fail(QStringLiteral("cannot generate the workspaces"));
    QList<double> at1k, at100k;
    for (int round = 0; round < 3; ++round) {
        at1k << perArticleQueryUs(small, 10);
        at100k << perArticleQueryUs(large, 1000);
    }
    bench("query-flat", median(at100k), median(at1k), "us", 1.5);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Parallax"));
    QCoreApplication::setApplicationName(QStringLiteral("parallax"));
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    if (mode == QLatin1String("startup-app"))
        return startupApp();
    if (mode == QLatin1String("startup-baseline"))
        return startupBaseline();
    if (mode == QLatin1String("generate") && args.size() == 5) {
        QFile::remove(args.at(1));
        return generate(args.at(1), args.at(2).toInt(), args.at(3).toInt(), args.at(4).toInt()) ? 0 : 1;
    }
    if (mode == QLatin1String("open") && args.size() == 2)
        return openWorkspace(args.at(1));
    if (mode == QLatin1String("highlight-commit") && args.size() == 2)
        return highlightCommit(args.at(1));
    if (mode == QLatin1String("repaint-5k") && args.size() == 2)
        return repaint5k(args.at(1));
    if (mode == QLatin1String("repaint-once") && args.size() == 2)
        return repaintOnce(args.at(1));
    if (mode == QLatin1String("bulk-load") && args.size() == 2)
        return bulkLoad(args.at(1));
    if (mode == QLatin1String("query-flat") && args.size() == 2)
        return queryFlat(args.at(1));
    std::fprintf(stderr,
                 "usage: bench_app startup-app|startup-baseline|generate PATH A H C|open PATH|"
                 "highlight-commit DIR|repaint-5k DIR|repaint-once PATH|bulk-load DIR|query-flat DIR\n");
    return 2;
}
