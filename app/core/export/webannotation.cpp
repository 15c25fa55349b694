#include "export/webannotation.h"

#include "annotationstore.h"
#include "annotator.h"
#include "quotefinder.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Export {

namespace {

const QString AnnoContext = u"http://www.w3.org/ns/anno.jsonld"_s;
const QString Namespace = u"https://parallax.invalid/ns#"_s;

QString articleIri(const QByteArray &digest)
{
    return u"urn:sha256:"_s + QString::fromLatin1(digest);
}
QString highlightIri(qint64 id)
{
    return u"urn:parallax:highlight:%1"_s.arg(id);
}
QString claimIri(qint64 id)
{
    return u"urn:parallax:claim:%1"_s.arg(id);
}
QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject textBody(const QString &purpose, const QString &value)
{
    return {{u"type"_s, u"TextualBody"_s}, {u"purpose"_s, purpose}, {u"value"_s, value}};
}

QJsonArray claimBodies(const Snapshot &s, const ClaimData &c)
{
    QJsonArray bodies;
    if (const QString status = s.statusName(c.claim); !status.isEmpty()) {
        QJsonObject body = textBody(u"classifying"_s, status);
        body.insert(u"px:claim"_s, claimIri(c.claim.id));
        bodies.append(body);
    }
    for (qint64 id : c.tags) {
        QJsonObject body = textBody(u"tagging"_s, s.tagName(id));
        body.insert(u"px:claim"_s, claimIri(c.claim.id));
        bodies.append(body);
    }
    return bodies;
}

QJsonObject highlightAnnotation(const Snapshot &s, const ArticleData &article, const Highlight &h)
{
    QJsonArray bodies;
    for (const Appearance &link : s.linksOfHighlight.value(h.id)) {
        const ClaimData *c = s.claim(link.claimId);
        if (!c)
            continue;
        QJsonObject body = textBody(u"identifying"_s, c->claim.title);
        body.insert(u"px:claim"_s, claimIri(c->claim.id));
        body.insert(u"px:wording"_s, wordingKey(link.wording));
        bodies.append(body);
        for (const QJsonValue &b : claimBodies(s, *c))
            bodies.append(b);
    }
    if (!h.note.isEmpty())
        bodies.append(textBody(u"commenting"_s, h.note));
    const QJsonArray selectors{
        QJsonObject{{u"type"_s, u"TextQuoteSelector"_s},
                    {u"exact"_s, h.quote},
                    {u"prefix"_s, h.prefix},
                    {u"suffix"_s, h.suffix}},
        QJsonObject{{u"type"_s, u"TextPositionSelector"_s},
                    {u"start"_s, codePointOffset(article.body, h.start)},
                    {u"end"_s, codePointOffset(article.body, h.end)}},
    };
    QJsonObject annotation{
        {u"id"_s, highlightIri(h.id)},
        {u"type"_s, u"Annotation"_s},
        {u"motivation"_s, u"highlighting"_s},
        {u"created"_s, iso(h.created)},
        {u"modified"_s, iso(h.modified)},
        {u"target"_s, QJsonObject{{u"source"_s, articleIri(article.digest)}, {u"selector"_s, selectors}}},
    };
    if (!bodies.isEmpty())
        annotation.insert(u"body"_s, bodies);
    return annotation;
}

QJsonObject claimAnnotation(const Snapshot &s, const ClaimData &c)
{
    QJsonArray bodies{textBody(u"describing"_s, c.claim.title)};
    if (!c.claim.note.isEmpty())
        bodies.append(textBody(u"commenting"_s, c.claim.note));
    if (const QString status = s.statusName(c.claim); !status.isEmpty())
        bodies.append(textBody(u"classifying"_s, status));
    for (qint64 id : c.tags)
        bodies.append(textBody(u"tagging"_s, s.tagName(id)));
    for (const Evidence &e : c.evidence) {
        QJsonObject body{{u"type"_s, u"SpecificResource"_s}, {u"purpose"_s, u"linking"_s}, {u"source"_s, e.url}};
        if (!e.note.isEmpty())
            body.insert(u"px:note"_s, e.note);
        bodies.append(body);
    }
    QJsonArray targets;
    for (const Highlight &h : s.highlights) {
        for (const Appearance &link : s.linksOfHighlight.value(h.id)) {
            if (link.claimId == c.claim.id)
                targets.append(highlightIri(h.id));
        }
    }
    return {{u"id"_s, claimIri(c.claim.id)},
            {u"type"_s, u"Annotation"_s},
            {u"motivation"_s, u"linking"_s},
            {u"created"_s, iso(c.claim.created)},
            {u"modified"_s, iso(c.claim.modified)},
            {u"body"_s, bodies},
            {u"target"_s, targets}};
}

} // namespace

QByteArray webAnnotations(const Snapshot &s)
{
    QJsonArray articles;
    for (const ArticleData &a : s.articles) {
        articles.append(QJsonObject{{u"id"_s, articleIri(a.digest)},
                                    {u"type"_s, u"Text"_s},
                                    {u"format"_s, u"text/plain"_s},
                                    {u"title"_s, a.summary.headline},
                                    {u"px:outlet"_s, a.summary.outlet},
                                    {u"px:url"_s, a.summary.url},
                                    {u"px:published"_s, a.summary.published},
                                    {u"px:digest"_s, QString::fromLatin1(a.digest)}});
    }
    QJsonArray tags;
    for (const Tag &t : s.tags) {
        tags.append(QJsonObject{{u"name"_s, t.name}, {u"px:colour"_s, t.colour.name()}, {u"px:status"_s, t.isStatus}});
    }
    QJsonArray items;
    for (const Highlight &h : s.highlights) {
        if (const ArticleData *a = s.article(h.articleId))
            items.append(highlightAnnotation(s, *a, h));
    }
    for (const ClaimData &c : s.claims)
        items.append(claimAnnotation(s, c));
    const QJsonObject collection{
        {u"@context"_s, QJsonArray{AnnoContext, QJsonObject{{u"px"_s, Namespace}}}},
        {u"type"_s, u"AnnotationCollection"_s},
        {u"label"_s, s.title},
        {u"generator"_s,
         QJsonObject{{u"type"_s, u"Software"_s},
                     {u"name"_s, u"Parallax %1"_s.arg(QCoreApplication::applicationVersion())}}},
        {u"generated"_s, iso(QDateTime::currentDateTimeUtc())},
        {u"total"_s, items.size()},
        {u"px:articles"_s, articles},
        {u"px:tags"_s, tags},
        {u"first"_s, QJsonObject{{u"type"_s, u"AnnotationPage"_s}, {u"items"_s, items}}},
    };
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

Result writeWebAnnotations(const Snapshot &snapshot, const QString &path, const Progress &progress)
{
    if (progress && !progress(0, 1))
        return {{}, true};
    const QByteArray bytes = webAnnotations(snapshot);
    if (progress && !progress(1, 1))
        return {{}, true};
    return writeAside(path, bytes);
}

// ---- Import ----

namespace {

// What the file asks for, checked against the workspace before anything is written.
struct PlannedHighlight {
    QString iri;
    qint64 articleId = 0;
    int start = 0;
    int end = 0;
    QString note;
    QList<QPair<QString, Wording>> claims; // claim IRI, wording
};
struct PlannedClaim {
    QString iri;
    QString title;
    QString note;
    QString status; // name, empty for none
    QStringList tags;
    QList<QPair<QString, QString>> evidence; // url, note
    QStringList targets;
};

QString bodyValue(const QJsonArray &bodies, const QString &purpose)
{
    for (const QJsonValue &b : bodies) {
        if (b[u"purpose"_s].toString() == purpose)
            return b[u"value"_s].toString();
    }
    return {};
}

QJsonArray asArray(const QJsonValue &v)
{
    if (v.isArray())
        return v.toArray();
    if (v.isUndefined() || v.isNull())
        return {};
    return QJsonArray{v};
}

// UTF-16 offset of the code point offset in text; -1 when past its end.
int utf16Offset(const QString &text, qint64 codePoints)
{
    int i = 0;
    for (qint64 n = 0; n < codePoints; ++n) {
        if (i >= text.size())
            return -1;
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
    }
    return i;
}

class AnnotationReader
{
public:
    explicit AnnotationReader(Annotator &annotator)
        : m_annotator(annotator)
        , m_store(*annotator.store())
        , m_workspace(*annotator.workspace())
    {
    }

    ImportReport run(const QByteArray &json);

private:
    QString plan(const QJsonObject &root);
    QString planArticles(const QJsonObject &root);
    QString planHighlight(const QJsonObject &annotation);
    QString planClaim(const QJsonObject &annotation);
    bool write(ImportReport &report);
    qint64 articleFor(const QString &source, QString *error);

    Annotator &m_annotator;
    AnnotationStore &m_store;
    Workspace &m_workspace;

    QList<ArticleSummary> m_articles;
    QHash<qint64, QString> m_bodies;
    QHash<QString, qint64> m_articleOfSource;
    QHash<QString, QColor> m_tagColours;
    QList<PlannedHighlight> m_highlights;
    QList<PlannedClaim> m_claims;
};

ImportReport AnnotationReader::run(const QByteArray &json)
{
    ImportReport report;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        report.error = u"not a JSON file (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset);
        return report;
    }
    if (!doc.isObject()) {
        report.error = u"not a W3C Web Annotation collection (the file is not a JSON object)"_s;
        return report;
    }
    report.error = plan(doc.object());
    if (!report.error.isEmpty())
        return report;
    write(report);
    return report;
}

QString AnnotationReader::plan(const QJsonObject &root)
{
    const QString type = root[u"type"_s].toString();
    if (type != u"AnnotationCollection"_s && type != u"AnnotationPage"_s)
        return u"not a W3C Web Annotation collection (type is \"%1\")"_s.arg(type);
    m_articles = m_workspace.articles();
    for (const ArticleSummary &a : std::as_const(m_articles))
        m_bodies.insert(a.id, m_workspace.articleBody(a.id));
    if (QString error = planArticles(root); !error.isEmpty())
        return error;
    for (const QJsonValue &t : root[u"px:tags"_s].toArray()) {
        const QColor colour = QColor::fromString(t[u"px:colour"_s].toString());
        if (colour.isValid())
            m_tagColours.insert(t[u"name"_s].toString().trimmed().toLower(), colour);
    }
    const QJsonArray items
        = type == u"AnnotationPage"_s ? root[u"items"_s].toArray() : root[u"first"_s][u"items"_s].toArray();
    if (items.isEmpty())
        return u"the file holds no annotations"_s;
    int n = 0;
    for (const QJsonValue &item : items) {
        ++n;
        if (!item.isObject() || item[u"type"_s].toString() != u"Annotation"_s)
            return u"item %1 is not an Annotation"_s.arg(n);
        const QJsonObject annotation = item.toObject();
        const QString motivation = annotation[u"motivation"_s].toString();
        QString error = motivation == u"linking"_s ? planClaim(annotation) : planHighlight(annotation);
        if (!error.isEmpty())
            return u"annotation %1 (%2): %3"_s.arg(n).arg(annotation[u"id"_s].toString(), error);
    }
    QSet<QString> known;
    for (const PlannedHighlight &h : std::as_const(m_highlights))
        known.insert(h.iri);
    QSet<QString> claimIris;
    for (const PlannedClaim &c : std::as_const(m_claims)) {
        claimIris.insert(c.iri);
        for (const QString &t : c.targets) {
            if (!known.contains(t))
                return u"claim \"%1\" links to %2, which is not in the file"_s.arg(c.title, t);
        }
    }
    for (const PlannedHighlight &h : std::as_const(m_highlights)) {
        for (const auto &[claim, wording] : h.claims) {
            if (!claimIris.contains(claim))
                return u"highlight %1 reports claim %2, which is not in the file"_s.arg(h.iri, claim);
        }
    }
    return {};
}

QString AnnotationReader::planArticles(const QJsonObject &root)
{
    QHash<QByteArray, qint64> byDigest;
    for (auto it = m_bodies.cbegin(); it != m_bodies.cend(); ++it)
        byDigest.insert(QCryptographicHash::hash(it.value().toUtf8(), QCryptographicHash::Sha256).toHex(), it.key());
    for (const QJsonValue &a : root[u"px:articles"_s].toArray()) {
        const QString iri = a[u"id"_s].toString();
        const QByteArray digest = a[u"px:digest"_s].toString().toLatin1();
        qint64 id = byDigest.value(digest);
        if (id == 0) {
            // The same article imported from another copy: found by what a reader would compare.
            const QString headline = a[u"title"_s].toString().trimmed();
            const QString outlet = a[u"px:outlet"_s].toString().trimmed();
            for (const ArticleSummary &mine : std::as_const(m_articles)) {
                if (mine.headline.trimmed() == headline && (outlet.isEmpty() || mine.outlet.trimmed() == outlet)) {
                    id = mine.id;
                    break;
                }
            }
        }
        if (id != 0)
            m_articleOfSource.insert(iri, id);
    }
    return {};
}

qint64 AnnotationReader::articleFor(const QString &source, QString *error)
{
    if (const qint64 id = m_articleOfSource.value(source))
        return id;
    // Another tool's annotations name the page they were made on.
    for (const ArticleSummary &a : std::as_const(m_articles)) {
        if (!a.url.isEmpty() && a.url == source)
            return a.id;
    }
    *error = u"its article (%1) is not in this workspace"_s.arg(source);
    return 0;
}

QString AnnotationReader::planHighlight(const QJsonObject &annotation)
{
    const QJsonObject target = asArray(annotation[u"target"_s]).first().toObject();
    if (target.isEmpty())
        return u"it has no target"_s;
    QString error;
    PlannedHighlight h;
    h.iri = annotation[u"id"_s].toString();
    if (h.iri.isEmpty())
        return u"it has no id"_s;
    h.articleId = articleFor(target[u"source"_s].toString(), &error);
    if (h.articleId == 0)
        return error;
    const QString body = m_bodies.value(h.articleId);
    QString exact, prefix;
    qint64 start = -1, end = -1;
    for (const QJsonValue &selector : asArray(target[u"selector"_s])) {
        const QString type = selector[u"type"_s].toString();
        if (type == u"TextQuoteSelector"_s) {
            exact = selector[u"exact"_s].toString();
            prefix = selector[u"prefix"_s].toString();
        } else if (type == u"TextPositionSelector"_s) {
            start = selector[u"start"_s].toInteger(-1);
            end = selector[u"end"_s].toInteger(-1);
        }
    }
    if (exact.isEmpty() && start < 0)
        return u"its target has neither a TextQuoteSelector nor a TextPositionSelector"_s;
    h.start = start >= 0 ? utf16Offset(body, start) : -1;
    h.end = end >= 0 ? utf16Offset(body, end) : -1;
    const bool positionHolds
        = h.start >= 0 && h.end > h.start && (exact.isEmpty() || body.mid(h.start, h.end - h.start) == exact);
    if (!positionHolds) {
        if (exact.isEmpty())
            return u"its position is outside the article"_s;
        // The text moved: take the occurrence after the same prefix, else the one nearest the position.
        const QList<QuoteFinder::Match> found = QuoteFinder::findAll(body, exact);
        if (found.isEmpty())
            return u"its quote \u201C%1\u201D is not in the article"_s.arg(exact.left(60));
        auto score = [&](const QuoteFinder::Match &m) {
            const bool prefixed = !prefix.isEmpty() && body.left(m.start).endsWith(prefix);
            return std::pair(prefixed ? 0 : 1, std::abs(m.start - std::max(h.start, 0)));
        };
        const auto best = std::min_element(found.cbegin(), found.cend(),
                                           [&](const auto &a, const auto &b) { return score(a) < score(b); });
        h.start = best->start;
        h.end = best->end;
    }
    for (const QJsonValue &b : asArray(annotation[u"body"_s])) {
        const QString purpose = b[u"purpose"_s].toString();
        if (purpose == u"identifying"_s && b[u"px:claim"_s].isString()) {
            bool ok = true;
            const Wording w
                = b[u"px:wording"_s].isString() ? wordingFromKey(b[u"px:wording"_s].toString(), &ok) : Wording::Stated;
            if (!ok)
                return u"unknown wording \"%1\""_s.arg(b[u"px:wording"_s].toString());
            h.claims.append({b[u"px:claim"_s].toString(), w});
        } else if (purpose == u"commenting"_s) {
            h.note = b[u"value"_s].toString();
        }
    }
    m_highlights.append(h);
    return {};
}

QString AnnotationReader::planClaim(const QJsonObject &annotation)
{
    PlannedClaim c;
    c.iri = annotation[u"id"_s].toString();
    const QJsonArray bodies = asArray(annotation[u"body"_s]);
    c.title = bodyValue(bodies, u"describing"_s).trimmed();
    if (c.iri.isEmpty() || c.title.isEmpty())
        return u"a claim needs an id and a title (a \"describing\" body)"_s;
    c.note = bodyValue(bodies, u"commenting"_s);
    for (const QJsonValue &b : bodies) {
        const QString purpose = b[u"purpose"_s].toString();
        if (purpose == u"classifying"_s) {
            c.status = b[u"value"_s].toString();
            const std::optional<Tag> tag = m_store.tagByName(c.status);
            if (!tag || !tag->isStatus)
                return u"unknown status \"%1\""_s.arg(c.status);
        } else if (purpose == u"tagging"_s) {
            const QString name = b[u"value"_s].toString().trimmed();
            if (name.isEmpty())
                return u"a tag without a name"_s;
            c.tags.append(name);
        } else if (purpose == u"linking"_s) {
            const QString url = b[u"source"_s].toString().trimmed();
            if (url.isEmpty())
                return u"an evidence link without a URL"_s;
            c.evidence.append({url, b[u"px:note"_s].toString()});
        }
    }
    for (const QJsonValue &t : asArray(annotation[u"target"_s])) {
        const QString iri = t.isString() ? t.toString() : t[u"id"_s].toString();
        if (!iri.isEmpty())
            c.targets.append(iri);
    }
    m_claims.append(c);
    return {};
}

bool AnnotationReader::write(ImportReport &report)
{
    QUndoStack *stack = m_annotator.undoStack();
    const int stepsBefore = stack->count();
    AnnotationStore::Batch batch(m_store);
    stack->beginMacro(QCoreApplication::translate("Export", "Import Annotations"));
    bool ok = true;
    auto fail = [&](const QString &what) {
        if (ok)
            report.error = u"%1: %2"_s.arg(
                what, m_annotator.lastError().isEmpty() ? m_store.lastError() : m_annotator.lastError());
        ok = false;
    };

    QHash<QString, qint64> claimOf;
    for (const PlannedClaim &c : std::as_const(m_claims)) {
        if (!ok)
            break;
        const qint64 status = c.status.isEmpty() ? 0 : m_store.tagByName(c.status)->id;
        std::optional<Claim> claim = m_store.claimByTitle(c.title);
        qint64 id = claim ? claim->id : 0;
        if (!claim) {
            id = m_annotator.createClaim(c.title, c.note, status);
            if (id == 0) {
                fail(u"claim \"%1\""_s.arg(c.title));
                break;
            }
            ++report.claimsAdded;
        } else {
            if (claim->statusTag == 0 && status != 0 && !m_annotator.setStatus(id, status))
                fail(u"claim \"%1\""_s.arg(c.title));
            if (claim->note.isEmpty() && !c.note.isEmpty() && !m_annotator.setClaimNote(id, c.note))
                fail(u"claim \"%1\""_s.arg(c.title));
        }
        claimOf.insert(c.iri, id);
        QList<qint64> tags = m_store.tagsOfClaim(id);
        const qsizetype tagsBefore = tags.size();
        for (const QString &name : c.tags) {
            std::optional<Tag> tag = m_store.tagByName(name);
            qint64 tagId = tag ? tag->id : 0;
            if (!tag) {
                tagId = m_store.addTag(name, m_tagColours.value(name.toLower(), UnlinkedHighlightColour));
                if (tagId == 0) {
                    fail(u"tag \"%1\""_s.arg(name));
                    break;
                }
                ++report.tagsAdded;
            }
            if (!tags.contains(tagId))
                tags.append(tagId);
        }
        if (ok && tags.size() != tagsBefore && !m_annotator.setClaimTags(id, tags))
            fail(u"claim \"%1\""_s.arg(c.title));
        const QList<Evidence> existing = m_store.evidenceOf(id);
        for (const auto &[url, note] : c.evidence) {
            const bool there = std::any_of(existing.cbegin(), existing.cend(),
                                           [&](const Evidence &e) { return e.url == url && e.note == note; });
            if (!there && ok) {
                if (m_annotator.addEvidence(id, url, note) == 0)
                    fail(u"evidence %1"_s.arg(url));
                else
                    ++report.evidenceAdded;
            }
        }
    }

    for (const PlannedHighlight &h : std::as_const(m_highlights)) {
        if (!ok)
            break;
        bool existed = false;
        for (const Highlight &mine : m_store.highlightsOf(h.articleId))
            existed = existed || (mine.start == h.start && mine.end == h.end && !mine.orphaned);
        const qint64 id = m_annotator.highlight(h.articleId, h.start, h.end);
        if (id == 0) {
            fail(u"highlight %1"_s.arg(h.iri));
            break;
        }
        if (!existed)
            ++report.highlightsAdded;
        if (!h.note.isEmpty() && m_store.highlight(id)->note.isEmpty() && !m_annotator.setHighlightNote(id, h.note))
            fail(u"highlight %1"_s.arg(h.iri));
        const QList<Appearance> links = m_store.appearancesOfHighlight(id);
        for (const auto &[claimIri, wording] : h.claims) {
            const qint64 claimId = claimOf.value(claimIri);
            const bool linked
                = std::any_of(links.cbegin(), links.cend(), [&](const Appearance &a) { return a.claimId == claimId; });
            if (linked || !ok)
                continue;
            if (!m_annotator.link(id, claimId, wording))
                fail(u"highlight %1"_s.arg(h.iri));
            else
                ++report.linksAdded;
        }
    }
    stack->endMacro();
    if (ok && batch.commit())
        return true;
    if (ok)
        report.error = m_store.lastError();
    // The transaction was rolled back, so the steps just pushed describe changes that never
    // happened; undoing them would act on a workspace that no longer matches. Drop them.
    if (stack->count() > stepsBefore)
        stack->clear();
    report = ImportReport{report.error.isEmpty() ? u"the workspace could not be changed"_s : report.error};
    return false;
}

} // namespace

QString ImportReport::summary() const
{
    return u"%1 claims, %2 highlights, %3 links, %4 evidence links and %5 tags added"_s.arg(claimsAdded)
        .arg(highlightsAdded)
        .arg(linksAdded)
        .arg(evidenceAdded)
        .arg(tagsAdded);
}

ImportReport importWebAnnotations(Annotator &annotator, const QByteArray &json)
{
    return AnnotationReader(annotator).run(json);
}

} // namespace Export
