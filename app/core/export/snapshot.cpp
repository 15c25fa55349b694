#include "export/snapshot.h"

#include "annotationstore.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace Export {

Snapshot Snapshot::read(const Workspace &workspace, const AnnotationStore &store)
{
    Snapshot s;
    s.title = workspace.title();
    const QList<ArticleSummary> articles = workspace.articles();
    for (const ArticleSummary &a : articles) {
        ArticleData data{a, workspace.articleBody(a.id), {}};
        data.digest = QCryptographicHash::hash(data.body.toUtf8(), QCryptographicHash::Sha256).toHex();
        s.m_articleIndex.insert(a.id, int(s.articles.size()));
        s.articles.append(std::move(data));
    }
    s.tags = store.tags();
    s.coverage = Coverage::compute(store, articles);
    for (const Claim &c : store.claims()) {
        s.m_claimIndex.insert(c.id, int(s.claims.size()));
        s.claims.append({c, store.tagsOfClaim(c.id), store.evidenceOf(c.id), s.coverage.claimIndex(c.id)});
    }
    s.highlights = store.allHighlights();
    for (int i = 0; i < s.highlights.size(); ++i) {
        s.m_highlightIndex.insert(s.highlights.at(i).id, i);
        s.m_highlightsOfArticle[s.highlights.at(i).articleId].append(i);
    }
    for (const Appearance &a : store.allAppearances())
        s.linksOfHighlight[a.highlightId].append(a);
    // Claims of a highlight in the order they were made, as the claims panel lists them.
    for (QList<Appearance> &links : s.linksOfHighlight)
        std::sort(links.begin(), links.end(),
                  [](const Appearance &a, const Appearance &b) { return a.claimId < b.claimId; });
    return s;
}

const ArticleData *Snapshot::article(qint64 id) const
{
    const int i = m_articleIndex.value(id, -1);
    return i < 0 ? nullptr : &articles.at(i);
}

const ClaimData *Snapshot::claim(qint64 id) const
{
    const int i = m_claimIndex.value(id, -1);
    return i < 0 ? nullptr : &claims.at(i);
}

const Tag *Snapshot::tag(qint64 id) const
{
    for (const Tag &t : tags) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

QString Snapshot::tagName(qint64 id) const
{
    const Tag *t = tag(id);
    return t ? t->name : QString();
}

QString Snapshot::statusName(const Claim &c) const
{
    return c.statusTag > 0 ? tagName(c.statusTag) : QString();
}

QStringList Snapshot::tagNames(const ClaimData &c) const
{
    QStringList names;
    for (qint64 id : c.tags)
        names << tagName(id);
    return names;
}

QColor Snapshot::colourOf(const Highlight &h) const
{
    for (const Appearance &a : linksOfHighlight.value(h.id)) {
        if (const ClaimData *c = claim(a.claimId)) {
            const QColor colour = claimColour(c->claim, c->tags, tags);
            if (colour.isValid())
                return colour;
        }
    }
    return UnlinkedHighlightColour;
}

bool Snapshot::isUnsupported(const Highlight &h) const
{
    for (const Appearance &a : linksOfHighlight.value(h.id)) {
        const ClaimData *c = claim(a.claimId);
        if (c && c->claim.statusTag == Status::Unsupported)
            return true;
    }
    return false;
}

QStringList Snapshot::reportedBy(qint64 claimId) const
{
    QStringList names;
    const ClaimData *c = claim(claimId);
    if (!c || c->coverageRow < 0)
        return names;
    for (int column = 0; column < coverage.articleCount(); ++column) {
        if (coverage.cell(c->coverageRow, column).isEmpty())
            continue;
        const ArticleSummary &a = coverage.article(column);
        const QString name = a.outlet.isEmpty() ? a.headline : a.outlet;
        if (!names.contains(name))
            names << name;
    }
    return names;
}

int Snapshot::reportCount(qint64 claimId) const
{
    const ClaimData *c = claim(claimId);
    return c && c->coverageRow >= 0 ? coverage.reportCount(c->coverageRow) : 0;
}

QList<Highlight> Snapshot::highlightsOf(qint64 articleId) const
{
    QList<Highlight> found;
    for (int i : m_highlightsOfArticle.value(articleId))
        found.append(highlights.at(i));
    return found;
}

const Highlight *Snapshot::highlight(qint64 id) const
{
    const int i = m_highlightIndex.value(id, -1);
    return i < 0 ? nullptr : &highlights.at(i);
}

Result writeAside(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {QStringLiteral("%1: cannot write (%2)").arg(QFileInfo(path).fileName(), file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return {QStringLiteral("%1: cannot write (%2)").arg(QFileInfo(path).fileName(), file.errorString())};
    return {};
}

QString defaultAuthor()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QDir::home().dirName();
}

} // namespace Export
