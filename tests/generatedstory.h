#pragma once

#include "annotationstore.h"
#include "annotator.h"
#include "workspace.h"

#include <QRandomGenerator>
#include <QString>

// A workspace made up for size: articles of generated prose, each with highlights linked to a
// few claims. The same seed gives the same text, so runs are comparable.
namespace GeneratedStory {

inline QString paragraph(QRandomGenerator &random, int words)
{
    static const QStringList Vocabulary
        = QStringLiteral(
              "the outlet reported that officials said a spokesperson confirmed data platform company lawsuit "
              "claims evidence according to sources familiar with the matter allegedly announced statement "
              "investigation million users access advertising agreement court filing week earlier analysts "
              "expected revenue growth regulators privacy policy change public response comment declined")
              .split(QLatin1Char(' '));
    QStringList out;
    for (int i = 0; i < words; ++i)
        out << Vocabulary.at(random.bounded(int(Vocabulary.size())));
    out.first()[0] = out.first().at(0).toUpper();
    return out.join(QLatin1Char(' ')) + QLatin1Char('.');
}

// Fills an empty workspace: articles × paragraphs of about 90 words, and in each article one
// highlight every highlightEvery paragraphs, linked in turn to one of claims claims (the first
// one unsupported). Returns false with the reason in *error.
inline bool fill(Workspace &ws, int articles, int paragraphs, int highlightEvery, int claims, QString *error)
{
    QRandomGenerator random(20230420);
    QList<ArticleDraft> drafts;
    for (int a = 0; a < articles; ++a) {
        ArticleDraft d;
        d.headline = QStringLiteral("Generated article %1 on the same story").arg(a + 1);
        d.outlet = QStringLiteral("Outlet %1").arg(a + 1);
        d.url = QStringLiteral("https://example.invalid/story/%1").arg(a + 1);
        d.published = QStringLiteral("2023-04-%1").arg(10 + a % 20);
        QStringList body;
        for (int p = 0; p < paragraphs; ++p)
            body << paragraph(random, 80 + random.bounded(20));
        d.body = body.join(QLatin1Char('\n'));
        d.sourceName = QStringLiteral("generated-%1.txt").arg(a + 1);
        d.format = QStringLiteral("text");
        d.encoding = QStringLiteral("UTF-8");
        d.original = d.body.toUtf8();
        drafts.append(d);
    }
    const QList<Workspace::AddResult> added = ws.addArticles(drafts);
    Annotator annotator(&ws);
    AnnotationStore::Batch batch(*annotator.store());
    QList<qint64> claimIds;
    for (int c = 0; c < claims; ++c) {
        claimIds << annotator.createClaim(QStringLiteral("Generated claim %1").arg(c + 1), {},
                                          c == 0 ? Status::Unsupported : 0);
    }
    int n = 0;
    for (qsizetype a = 0; a < added.size(); ++a) {
        if (!added.at(a).ok()) {
            *error = added.at(a).error;
            return false;
        }
        const QString &body = drafts.at(a).body;
        int offset = 0;
        int p = 0;
        for (const QString &para : body.split(QLatin1Char('\n'))) {
            if (p++ % highlightEvery == 0) {
                // A passage from the middle of the paragraph, long enough to wrap onto a second line.
                const int start = int(para.indexOf(QLatin1Char(' '), 40)) + 1;
                const int end = int(para.indexOf(QLatin1Char(' '), start + 120));
                const Annotator::Link link = annotator.highlightAndLink(added.at(a).id, offset + start, offset + end,
                                                                        claimIds.at(n++ % claims));
                if (!link.ok()) {
                    *error = annotator.lastError();
                    return false;
                }
            }
            offset += int(para.size()) + 1;
        }
    }
    if (!batch.commit()) {
        *error = annotator.store()->lastError();
        return false;
    }
    return true;
}

} // namespace GeneratedStory
