// The child of the crash harness (tst_crash): annotates a workspace at random through the
// Annotator, the code path the window uses, and reports every operation on stdout before it
// starts ("DO ...") and once it has returned ("ACK ..."), so that the parent, which kills this
// process at a random moment, knows exactly what was acknowledged.
#include "annotationstore.h"
#include "annotator.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

namespace {
void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout); // the parent must see it before the next operation starts
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fputs("usage: crashchild WORKSPACE SEED\n", stderr);
        return 2;
    }
    QString error;
    auto ws = Workspace::open(args.at(1), &error);
    if (!ws) {
        std::fprintf(stderr, "crashchild: %s\n", qPrintable(error));
        return 1;
    }
    Annotator annotator(ws.get());
    AnnotationStore *store = annotator.store();
    QRandomGenerator rng(args.at(2).toUInt());
    const QList<ArticleSummary> articles = ws->articles();
    if (articles.isEmpty())
        return 1;
    QHash<qint64, QString> bodies;
    for (const ArticleSummary &a : articles)
        bodies.insert(a.id, ws->articleBody(a.id));
    say(QStringLiteral("READY"));

    for (int step = 0;; ++step) {
        const ArticleSummary &a = articles.at(rng.bounded(int(articles.size())));
        const QString &body = bodies.value(a.id);
        const int start = rng.bounded(std::max(1, int(body.size()) - 40));
        const int end = start + 1 + rng.bounded(30);
        const QList<Highlight> highlights = store->allHighlights();
        const QList<Claim> claims = store->claims();
        const int op = rng.bounded(6);
        if (op == 0) {
            say(QStringLiteral("DO highlight %1 %2 %3").arg(a.id).arg(start).arg(end));
            const qint64 id = annotator.highlight(a.id, start, end);
            say(QStringLiteral("ACK highlight %1").arg(id));
        } else if (op == 1 || claims.isEmpty()) {
            const QString title = QStringLiteral("claim %1").arg(step);
            say(QStringLiteral("DO newclaim %1 %2 %3").arg(a.id).arg(start).arg(end));
            const Annotator::Link l = annotator.highlightAndLink(a.id, start, end, 0, title);
            say(QStringLiteral("ACK newclaim %1 %2 %3").arg(l.highlightId).arg(l.claimId).arg(title));
        } else if (op == 2 && !highlights.isEmpty()) {
            const Highlight &h = highlights.at(rng.bounded(int(highlights.size())));
            const Claim &c = claims.at(rng.bounded(int(claims.size())));
            bool linked = false;
            for (const Appearance &ap : store->appearancesOfHighlight(h.id))
                linked = linked || ap.claimId == c.id;
            if (linked)
                continue;
            say(QStringLiteral("DO link %1 %2").arg(h.id).arg(c.id));
            const bool ok = annotator.link(h.id, c.id);
            say(QStringLiteral("ACK link %1 %2 %3").arg(h.id).arg(c.id).arg(ok));
        } else if (op == 3) {
            const Claim &c = claims.at(rng.bounded(int(claims.size())));
            const qint64 status = rng.bounded(5); // 0 clears it
            say(QStringLiteral("DO status %1").arg(c.id));
            const bool ok = annotator.setStatus(c.id, status);
            say(QStringLiteral("ACK status %1 %2 %3").arg(c.id).arg(status).arg(ok));
        } else if (op == 4) {
            const Claim &c = claims.at(rng.bounded(int(claims.size())));
            const QString title = QStringLiteral("renamed %1").arg(step);
            say(QStringLiteral("DO rename %1").arg(c.id));
            const bool ok = annotator.renameClaim(c.id, title);
            say(QStringLiteral("ACK rename %1 %2 %3").arg(c.id).arg(ok).arg(title));
        } else if (op == 5 && !highlights.isEmpty()) {
            const Highlight &h = highlights.at(rng.bounded(int(highlights.size())));
            say(QStringLiteral("DO remove %1").arg(h.id));
            const bool ok = annotator.removeHighlight(h.id);
            say(QStringLiteral("ACK remove %1 %2").arg(h.id).arg(ok));
        }
    }
}
