#include "htmlarticle.h"

#include "htmlboilerplate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

// How it works: gumbo builds the tree; the tree is flattened once into a pre-order array with
// parent links and subtree ends, so every later pass is a loop over that array (no recursion:
// a page nested 10,000 levels deep must not exhaust the stack). Each element is classified once
// (script, navigation, ads, comments...). The article container is chosen from <article>,
// itemprop=articleBody, <main>, else a readability-style score; the body is then written out
// block by block from that container.

namespace {

using HtmlBoilerplate::isHtmlSpace;
using HtmlBoilerplate::Role;

// ---------------------------------------------------------------- text

bool isHtmlSpace(QChar c)
{
    return c.unicode() < 0x80 && isHtmlSpace(char(c.unicode()));
}

// Code points that are not HTML whitespace; counted on UTF-8 so no QString is made per node.
qint64 visibleChars(const char *s, size_t n)
{
    qint64 count = 0;
    for (size_t i = 0; i < n; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0) != 0x80 && !isHtmlSpace(char(b)))
            ++count;
    }
    return count;
}

// UTF-8 text with runs of HTML whitespace folded into one space and none at either end.
class CollapsedText
{
public:
    void append(const char *s, size_t n)
    {
        for (size_t i = 0; i < n; ++i) {
            if (isHtmlSpace(s[i])) {
                m_pendingSpace = !m_utf8.isEmpty();
                continue;
            }
            if (m_pendingSpace) {
                m_utf8.append(' ');
                m_pendingSpace = false;
            }
            m_utf8.append(s[i]);
        }
    }
    // A block boundary or <br> inside a heading or byline still separates words.
    void breakWord() { m_pendingSpace = !m_utf8.isEmpty(); }
    bool isEmpty() const { return m_utf8.isEmpty(); }
    QString take()
    {
        const QString text = QString::fromUtf8(m_utf8);
        m_utf8.clear();
        m_pendingSpace = false;
        return text;
    }

private:
    QByteArray m_utf8;
    bool m_pendingSpace = false;
};

QString collapsed(const QString &s)
{
    QString out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (QChar c : s) {
        if (isHtmlSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

bool looksLikeUrl(const QString &s)
{
    return s.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || s.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) || s.startsWith(QLatin1String("//"))
        || s.startsWith(QLatin1String("www."), Qt::CaseInsensitive);
}

// ---------------------------------------------------------------- gumbo access

bool isElement(const GumboNode *n)
{
    return n->type == GUMBO_NODE_ELEMENT;
}

bool isText(const GumboNode *n)
{
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

GumboTag tagOf(const GumboNode *n)
{
    return isElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const char *attribute(const GumboNode *n, const char *name)
{
    if (!isElement(n))
        return nullptr;
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

QString attributeText(const GumboNode *n, const char *name)
{
    const char *value = attribute(n, name);
    return value ? collapsed(QString::fromUtf8(value)) : QString();
}

bool isBlockTag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIALOG:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
        return true;
    default:
        return false;
    }
}

// Elements whose own text runs count as a paragraph when scoring (text straight inside a <div>).
bool holdsLooseText(GumboTag tag)
{
    return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN
        || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_BODY;
}

// ---------------------------------------------------------------- the flattened tree

struct Node {
    const GumboNode *gumbo = nullptr;
    qsizetype parent = -1;
    qsizetype end = 0; // one past the last descendant
    Role role = Role::Content;
    bool opensSection = false; // article, section, main: a header inside is not the page's
    bool isArticle = false; // <article> or role=article
    bool isArticleBody = false; // itemprop=articleBody
    bool isMain = false; // <main> or role=main
    bool marksAuthor = false; // rel=author, itemprop=author, an "author" class
    bool inSection = false; // some ancestor opens an article, section or main
    bool dropped = false; // left out of the body text, with its subtree
    bool underDropped = false; // some ancestor is dropped
    bool hiddenFromMetadata = false; // in navigation, comments... (set once the container is known)
    qsizetype textLength = 0; // for text nodes: bytes of text
    qint64 text = 0; // visible characters in the subtree, dropped parts left out
    qint64 linkText = 0; // of which inside <a>
    qint64 looseText = 0; // characters of direct text children
    qint64 paragraphText = 0; // characters in paragraphs (and loose div text) of the subtree
    double score = 0; // readability: paragraph text of children, half of grandchildren's
};

class Tree
{
public:
    explicit Tree(const GumboNode *root)
    {
        std::vector<std::pair<const GumboNode *, qsizetype>> stack{{root, -1}};
        while (!stack.empty()) {
            const auto [gumbo, parent] = stack.back();
            stack.pop_back();
            // Template contents are inert; comments carry nothing for the reader.
            if (!isElement(gumbo) && !isText(gumbo))
                continue;
            const qsizetype index = qsizetype(nodes.size());
            Node node;
            node.gumbo = gumbo;
            node.parent = parent;
            node.end = index + 1;
            if (isText(gumbo))
                node.textLength = qsizetype(std::strlen(gumbo->v.text.text));
            nodes.push_back(node);
            if (isElement(gumbo)) {
                const GumboVector &children = gumbo->v.element.children;
                for (unsigned i = children.length; i > 0; --i)
                    stack.emplace_back(static_cast<const GumboNode *>(children.data[i - 1]), index);
            }
        }
        classify();
        measure();
    }

    std::vector<Node> nodes;

    GumboTag tag(qsizetype i) const { return tagOf(nodes[size_t(i)].gumbo); }
    const Node &at(qsizetype i) const { return nodes[size_t(i)]; }
    Node &at(qsizetype i) { return nodes[size_t(i)]; }
    qsizetype size() const { return qsizetype(nodes.size()); }

    qsizetype body() const
    {
        for (qsizetype i = 0; i < size(); ++i) {
            if (tag(i) == GUMBO_TAG_BODY)
                return i;
        }
        return 0;
    }

    // Collapsed text of an element for metadata (headline, byline), skipping foreign parts.
    QString textOf(qsizetype element) const
    {
        CollapsedText text;
        for (qsizetype i = element + 1; i < at(element).end;) {
            const Node &n = at(i);
            if (isText(n.gumbo)) {
                text.append(n.gumbo->v.text.text, size_t(n.textLength));
                ++i;
                continue;
            }
            if (isBlockTag(tag(i)))
                text.breakWord();
            i = n.role == Role::Foreign ? n.end : i + 1;
        }
        return text.take();
    }

    QString rawTextOf(qsizetype element) const
    {
        QByteArray utf8;
        for (qsizetype i = element + 1; i < at(element).end; ++i) {
            if (isText(at(i).gumbo))
                utf8.append(at(i).gumbo->v.text.text, at(i).textLength);
        }
        return QString::fromUtf8(utf8);
    }

    // Marks what cannot be metadata once the container is known: the container and its
    // ancestors are kept even when their class names look like boilerplate ("with-sidebar").
    void hideFromMetadata(qsizetype container)
    {
        std::vector<bool> keep(nodes.size(), false);
        for (qsizetype i = container; i >= 0; i = at(i).parent)
            keep[size_t(i)] = true;
        const bool specific = tag(container) != GUMBO_TAG_BODY && tag(container) != GUMBO_TAG_HTML;
        for (qsizetype i = 0; i < size(); ++i) {
            Node &n = at(i);
            const bool parentHidden = n.parent >= 0 && at(n.parent).hiddenFromMetadata;
            const bool inContainer = specific && i > container && i < at(container).end;
            const bool pageHeader = n.role == Role::PageHeader && !n.inSection && !inContainer;
            n.hiddenFromMetadata = parentHidden || (!keep[size_t(i)] && (n.role == Role::Foreign || pageHeader));
        }
    }

private:
    void classify()
    {
        for (Node &n : nodes) {
            if (n.parent >= 0) {
                const Node &p = nodes[size_t(n.parent)];
                n.inSection = p.inSection || p.opensSection;
                n.underDropped = p.underDropped || p.dropped;
            }
            if (!isElement(n.gumbo))
                continue;
            const HtmlBoilerplate::Attributes attributes(n.gumbo);
            n.role = HtmlBoilerplate::roleOf(n.gumbo, attributes);
            const GumboTag t = tagOf(n.gumbo);
            using HtmlBoilerplate::hasToken;
            n.isArticle = t == GUMBO_TAG_ARTICLE || hasToken(attributes.role, "article");
            n.isArticleBody = hasToken(attributes.itemprop, "articlebody");
            n.isMain = t == GUMBO_TAG_MAIN || hasToken(attributes.role, "main");
            n.marksAuthor = hasToken(attributes.rel, "author") || hasToken(attributes.itemprop, "author")
                || HtmlBoilerplate::hasNamePart(attributes.classes, "author");
            n.opensSection = n.isArticle || n.isArticleBody || n.isMain || t == GUMBO_TAG_SECTION;
            n.dropped
                = n.role == Role::Foreign || n.role == Role::Furniture || (n.role == Role::PageHeader && !n.inSection);
        }
    }

    // Bottom-up sums in reverse pre-order: every child is done before its parent.
    void measure()
    {
        for (qsizetype i = size() - 1; i >= 0; --i) {
            Node &n = at(i);
            Node *parent = n.parent >= 0 ? &at(n.parent) : nullptr;
            if (parent)
                parent->end = std::max(parent->end, n.end);
            if (isText(n.gumbo)) {
                n.text = visibleChars(n.gumbo->v.text.text, size_t(n.textLength));
                if (parent) {
                    parent->text += n.text;
                    parent->looseText += n.text;
                }
                continue;
            }
            const GumboTag t = tag(i);
            if (t == GUMBO_TAG_A)
                n.linkText = n.text;
            qint64 paragraph = 0;
            if (t == GUMBO_TAG_P || t == GUMBO_TAG_PRE)
                paragraph = n.text - n.linkText;
            else if (holdsLooseText(t))
                paragraph = n.looseText;
            n.paragraphText += paragraph;
            if (!parent || n.dropped)
                continue;
            parent->text += n.text;
            parent->linkText += n.linkText;
            parent->paragraphText += n.paragraphText;
            if (paragraph > 0) {
                parent->score += double(paragraph);
                if (parent->parent >= 0)
                    at(parent->parent).score += double(paragraph) / 2;
            }
        }
    }
};

// ---------------------------------------------------------------- container

struct Candidate {
    qsizetype index = -1;
    bool underDropped = false;
};

// The element with the most paragraph text among those accepted; elements under a dropped
// ancestor only when nothing else qualifies (a page-wide "layout-with-sidebar" wrapper).
template<typename Accept> Candidate bestCandidate(const Tree &tree, Accept accept)
{
    qsizetype clean = -1, any = -1;
    for (qsizetype i = 0; i < tree.size(); ++i) {
        const Node &n = tree.at(i);
        if (!isElement(n.gumbo) || n.dropped || n.paragraphText <= 0 || !accept(i))
            continue;
        if (any < 0 || n.paragraphText > tree.at(any).paragraphText)
            any = i;
        if (!n.underDropped && (clean < 0 || n.paragraphText > tree.at(clean).paragraphText))
            clean = i;
    }
    return clean >= 0 ? Candidate{clean, false} : Candidate{any, any >= 0};
}

qsizetype chooseContainer(const Tree &tree)
{
    const qsizetype body = tree.body();
    // A marked-up container must hold a fair share of the page's text (body's sum leaves out
    // dropped parts); an <article> that is only a teaser card does not. One under a dropped
    // ancestor must outweigh all the rest: it is then inside a page-wide wrapper whose class
    // looked like boilerplate, not a comment in a comments section.
    auto substantial = [&](Candidate c) {
        if (c.index < 0)
            return false;
        const qint64 text = tree.at(c.index).paragraphText, pageText = tree.at(body).paragraphText;
        return c.underDropped ? text > pageText : text * 4 >= pageText;
    };
    for (bool Node::*mark : {&Node::isArticle, &Node::isArticleBody, &Node::isMain}) {
        const Candidate c = bestCandidate(tree, [&](qsizetype i) { return tree.at(i).*mark; });
        if (substantial(c))
            return c.index;
    }

    // Readability: paragraph text of children, discounted by how much of the element is links.
    qsizetype clean = -1, any = -1;
    double cleanScore = 0, anyScore = 0;
    for (qsizetype i = 0; i < tree.size(); ++i) {
        const Node &n = tree.at(i);
        if (!isElement(n.gumbo) || n.dropped || n.score <= 0 || n.text <= 0)
            continue;
        const double score = n.score * (1.0 - double(n.linkText) / double(n.text));
        if (score > anyScore) {
            any = i;
            anyScore = score;
        }
        if (!n.underDropped && score > cleanScore) {
            clean = i;
            cleanScore = score;
        }
    }
    if (clean >= 0)
        return clean;
    return any >= 0 ? any : body;
}

// ---------------------------------------------------------------- body text

// Writes the container's text as paragraphs, one per block, in document order.
class BodyWriter
{
public:
    BodyWriter(const Tree &tree, const QString &headline)
        : m_tree(tree)
        , m_headline(headline)
    {
    }

    QStringList write(qsizetype container)
    {
        m_paragraphs.clear();
        const bool specific = m_tree.tag(container) != GUMBO_TAG_BODY && m_tree.tag(container) != GUMBO_TAG_HTML;
        std::vector<qsizetype> open; // elements entered and not yet left
        const qsizetype end = m_tree.at(container).end;
        for (qsizetype i = container + 1; i < end;) {
            while (!open.empty() && m_tree.at(open.back()).end <= i) {
                leave(open.back());
                open.pop_back();
            }
            const Node &n = m_tree.at(i);
            if (isText(n.gumbo)) {
                appendText(n);
                ++i;
                continue;
            }
            // Inside a chosen article its headers are its own; only from <body> are they the page's.
            bool dropped = n.role == Role::PageHeader ? !specific && !n.inSection : n.dropped;
            // A "date" or "author" span inside a sentence is part of the sentence.
            if (n.role == Role::Furniture && m_paragraphDepth > 0 && !isBlockTag(m_tree.tag(i)))
                dropped = false;
            if (dropped) {
                if (isBlockTag(m_tree.tag(i)))
                    flush();
                i = n.end;
                continue;
            }
            enter(i);
            open.push_back(i);
            ++i;
        }
        while (!open.empty()) {
            leave(open.back());
            open.pop_back();
        }
        flush();
        return m_paragraphs;
    }

private:
    void enter(qsizetype i)
    {
        const GumboTag tag = m_tree.tag(i);
        if (isBlockTag(tag))
            flush();
        if (tag == GUMBO_TAG_LI)
            m_bullet = true;
        else if (tag == GUMBO_TAG_A)
            ++m_linkDepth;
        else if (tag == GUMBO_TAG_TIME)
            ++m_timeDepth;
        else if (tag == GUMBO_TAG_H1)
            ++m_h1Depth;
        else if (tag == GUMBO_TAG_P)
            ++m_paragraphDepth;
    }

    void leave(qsizetype i)
    {
        const GumboTag tag = m_tree.tag(i);
        if (isBlockTag(tag))
            flush();
        if (tag == GUMBO_TAG_LI)
            m_bullet = false;
        else if (tag == GUMBO_TAG_A)
            --m_linkDepth;
        else if (tag == GUMBO_TAG_TIME)
            --m_timeDepth;
        else if (tag == GUMBO_TAG_H1)
            --m_h1Depth;
        else if (tag == GUMBO_TAG_P)
            --m_paragraphDepth;
    }

    void appendText(const Node &n)
    {
        if (n.text == 0) {
            m_text.append(n.gumbo->v.text.text, size_t(n.textLength));
            return;
        }
        if (m_text.isEmpty()) {
            m_inH1 = m_h1Depth > 0;
            m_isItem = m_bullet;
            m_bullet = false;
        }
        m_text.append(n.gumbo->v.text.text, size_t(n.textLength));
        m_chars += n.text;
        if (m_linkDepth > 0)
            m_linkChars += n.text;
        if (m_timeDepth > 0)
            m_timeChars += n.text;
    }

    void flush()
    {
        const QString text = m_text.take();
        const qint64 chars = m_chars, linkChars = m_linkChars, timeChars = m_timeChars;
        const bool item = m_isItem, inH1 = m_inH1;
        m_chars = m_linkChars = m_timeChars = 0;
        m_isItem = m_inH1 = false;
        // Nothing but spaces, including the &nbsp; spacer paragraphs editors leave.
        if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); }))
            return;
        // "Read also: …" lines and lists of links: mostly link text and short.
        constexpr qint64 MaxLinkListLength = 200;
        if (linkChars * 2 > chars && chars < MaxLinkListLength)
            return;
        if (timeChars == chars) // a date on its own line is metadata, not text
            return;
        if (inH1 && text == m_headline)
            return;
        if (HtmlBoilerplate::isFurnitureLine(text))
            return;
        m_paragraphs.append(item ? QStringLiteral("\u2022 ") + text : text);
    }

    const Tree &m_tree;
    const QString m_headline;
    QStringList m_paragraphs;
    CollapsedText m_text;
    qint64 m_chars = 0, m_linkChars = 0, m_timeChars = 0;
    int m_linkDepth = 0, m_timeDepth = 0, m_h1Depth = 0, m_paragraphDepth = 0;
    bool m_bullet = false; // an <li> was entered and its first block has not started yet
    bool m_isItem = false, m_inH1 = false; // of the block being collected
};

// ---------------------------------------------------------------- JSON-LD

struct JsonLd {
    QString publisher, author, published;
};

bool isArticleType(const QJsonValue &type)
{
    const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
    for (const QJsonValue &t : types) {
        QString name = t.toString();
        // "http://schema.org/NewsArticle", "schema:NewsArticle"
        name = name.mid(std::max(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char(':'))) + 1);
        if (name.endsWith(QLatin1String("Article")) || name == QLatin1String("BlogPosting")
            || name == QLatin1String("LiveBlogPosting"))
            return true;
    }
    return false;
}

// Names in a publisher or author value: a string, an object with "name", a reference to a node
// elsewhere in the graph by "@id" (Yoast writes it that way), or an array of those.
QStringList namesIn(const QJsonValue &value, const QHash<QString, QJsonObject> &byId)
{
    const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray{value};
    QStringList names;
    for (const QJsonValue &item : items) {
        QString name;
        if (item.isString()) {
            name = item.toString();
        } else if (item.isObject()) {
            QJsonObject object = item.toObject();
            if (!object.contains(QLatin1String("name")))
                object = byId.value(object.value(QLatin1String("@id")).toString());
            name = object.value(QLatin1String("name")).toString();
        }
        name = collapsed(name);
        if (!name.isEmpty() && !looksLikeUrl(name) && !names.contains(name))
            names.append(name);
    }
    return names;
}

JsonLd readJsonLd(const QStringList &scripts)
{
    QList<QJsonObject> objects;
    for (const QString &script : scripts) {
        const QByteArray json = script.toUtf8();
        QJsonParseError error;
        QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError) {
            // Some CMSs wrap it in <!-- --> or //<![CDATA[ ]]>: try the outermost {} or [].
            for (const auto &[opening, closing] : {std::pair{'{', '}'}, std::pair{'[', ']'}}) {
                const qsizetype first = json.indexOf(opening), last = json.lastIndexOf(closing);
                if (first >= 0 && last > first)
                    doc = QJsonDocument::fromJson(json.mid(first, last - first + 1), &error);
                if (error.error == QJsonParseError::NoError)
                    break;
            }
        }
        QList<QJsonValue> pending{doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object())};
        // Arrays and @graph are opened from a work list, not by recursion.
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const QJsonValue value = pending.at(i);
            if (value.isArray()) {
                const QJsonArray array = value.toArray();
                for (const QJsonValue &v : array)
                    pending.append(v);
            } else if (value.isObject()) {
                const QJsonObject object = value.toObject();
                objects.append(object);
                if (object.contains(QLatin1String("@graph")))
                    pending.append(object.value(QLatin1String("@graph")));
            }
        }
    }
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject &object : std::as_const(objects)) {
        const QString id = object.value(QLatin1String("@id")).toString();
        if (!id.isEmpty() && !byId.contains(id))
            byId.insert(id, object);
    }
    JsonLd result;
    for (const QJsonObject &object : std::as_const(objects)) {
        if (!isArticleType(object.value(QLatin1String("@type"))))
            continue;
        if (result.publisher.isEmpty())
            result.publisher = namesIn(object.value(QLatin1String("publisher")), byId).value(0);
        if (result.author.isEmpty())
            result.author = namesIn(object.value(QLatin1String("author")), byId).join(QLatin1String(", "));
        if (result.published.isEmpty())
            result.published = collapsed(object.value(QLatin1String("datePublished")).toString());
    }
    return result;
}

// ---------------------------------------------------------------- metadata

struct PageMetadata {
    QHash<QString, QStringList> metas; // lower-cased name or property → contents, in page order
    QString title, canonical;
    QStringList jsonLd;

    QString meta(const char *key) const { return metas.value(QLatin1String(key)).value(0); }
};

PageMetadata readPageMetadata(const Tree &tree)
{
    PageMetadata page;
    for (qsizetype i = 0; i < tree.size(); ++i) {
        const GumboNode *n = tree.at(i).gumbo;
        switch (tree.tag(i)) {
        case GUMBO_TAG_META: {
            const QString content = attributeText(n, "content");
            if (content.isEmpty())
                break;
            for (const char *keyAttribute : {"property", "name"}) {
                const QString key = attributeText(n, keyAttribute).toLower();
                if (!key.isEmpty())
                    page.metas[key].append(content);
            }
            break;
        }
        case GUMBO_TAG_LINK:
            if (page.canonical.isEmpty() && HtmlBoilerplate::hasToken(attribute(n, "rel"), "canonical"))
                page.canonical = attributeText(n, "href");
            break;
        case GUMBO_TAG_TITLE:
            // An <svg> has <title>s of its own.
            if (page.title.isEmpty() && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
                page.title = tree.textOf(i);
            break;
        case GUMBO_TAG_SCRIPT:
            if (attributeText(n, "type").compare(QLatin1String("application/ld+json"), Qt::CaseInsensitive) == 0)
                page.jsonLd.append(tree.rawTextOf(i));
            break;
        default:
            break;
        }
    }
    return page;
}

// "Headline | Outlet" → "Headline", only when the tail really is the outlet's name.
QString withoutOutletName(const QString &title, const QString &outlet)
{
    if (outlet.isEmpty())
        return title;
    static const QStringList separators{
        QStringLiteral(" | "),      QStringLiteral(" - "),      QStringLiteral(" \u2014 "),
        QStringLiteral(" \u2013 "), QStringLiteral(" \u00b7 "), QStringLiteral(" :: "),
    };
    for (const QString &separator : separators) {
        const QString suffix = separator + outlet;
        if (title.size() > suffix.size() && title.endsWith(suffix, Qt::CaseInsensitive))
            return title.left(title.size() - suffix.size());
        const QString prefix = outlet + separator;
        if (title.size() > prefix.size() && title.startsWith(prefix, Qt::CaseInsensitive))
            return title.mid(prefix.size());
    }
    return title;
}

// First element in [from, to) that is allowed as metadata and passes accept.
template<typename Accept> qsizetype findElement(const Tree &tree, qsizetype from, qsizetype to, Accept accept)
{
    for (qsizetype i = from; i < to; ++i) {
        const Node &n = tree.at(i);
        if (isElement(n.gumbo) && !n.hiddenFromMetadata && accept(i))
            return i;
    }
    return -1;
}

QString findHeadline(const Tree &tree, qsizetype container, const PageMetadata &page, const QString &outlet)
{
    const Node &c = tree.at(container);
    QString headline;
    auto nonEmptyH1 = [&](qsizetype i) {
        if (tree.tag(i) != GUMBO_TAG_H1)
            return false;
        const QString text = tree.textOf(i);
        // A logo marked up as <h1> outside any header tag is the site, not the story.
        if (text.isEmpty() || text.compare(outlet, Qt::CaseInsensitive) == 0)
            return false;
        headline = text;
        return true;
    };
    if (findElement(tree, container, c.end, nonEmptyH1) >= 0 || findElement(tree, 0, tree.size(), nonEmptyH1) >= 0)
        return headline;
    const QString ogTitle = page.meta("og:title");
    if (!ogTitle.isEmpty())
        return withoutOutletName(ogTitle, outlet);
    return withoutOutletName(page.title, outlet);
}

QString findAuthor(const Tree &tree, qsizetype container, const PageMetadata &page, const JsonLd &jsonLd)
{
    const QString meta = page.meta("author");
    if (!meta.isEmpty() && !looksLikeUrl(meta))
        return meta;
    QStringList articleAuthors;
    for (const QString &a : page.metas.value(QStringLiteral("article:author"))) {
        if (!looksLikeUrl(a) && !articleAuthors.contains(a))
            articleAuthors.append(a);
    }
    if (!articleAuthors.isEmpty())
        return articleAuthors.join(QLatin1String(", "));
    if (!jsonLd.author.isEmpty())
        return jsonLd.author;

    // A byline marked up in the page; long texts are author boxes with a biography.
    constexpr qsizetype MaxBylineLength = 80;
    QString found;
    auto accept = [&](qsizetype i) {
        if (!tree.at(i).marksAuthor)
            return false;
        QString text = tree.textOf(i);
        if (text.startsWith(QLatin1String("by "), Qt::CaseInsensitive))
            text = text.mid(3);
        if (text.isEmpty() || text.size() > MaxBylineLength)
            return false;
        found = text;
        return true;
    };
    const bool inContainer = findElement(tree, container, tree.at(container).end, accept) >= 0;
    if (inContainer || findElement(tree, 0, tree.size(), accept) >= 0)
        return found;
    return {};
}

QString findPublished(const Tree &tree, qsizetype container, const PageMetadata &page, const JsonLd &jsonLd)
{
    const QString meta = page.meta("article:published_time");
    if (!meta.isEmpty())
        return meta;
    if (!jsonLd.published.isEmpty())
        return jsonLd.published;
    QString found;
    auto timeWithDate = [&](qsizetype i) {
        if (tree.tag(i) != GUMBO_TAG_TIME)
            return false;
        found = attributeText(tree.at(i).gumbo, "datetime");
        return !found.isEmpty();
    };
    if (findElement(tree, container, tree.at(container).end, timeWithDate) >= 0)
        return found;
    for (const char *name : {"date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date"}) {
        const QString date = page.meta(name);
        if (!date.isEmpty())
            return date;
    }
    if (findElement(tree, 0, tree.size(), timeWithDate) >= 0)
        return found;
    return {};
}

// ---------------------------------------------------------------- parsing

// Gumbo allocates through these; knowing it is malloc lets the tree be re-hung before it is freed.
void *gumboAllocate(void *, size_t size)
{
    return std::malloc(size);
}

void gumboDeallocate(void *, void *pointer)
{
    std::free(pointer);
}

GumboOptions gumboOptions()
{
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = gumboAllocate;
    options.deallocator = gumboDeallocate;
    options.max_errors = 0; // parse errors are not used; recording them costs time and memory on broken pages
    return options;
}

// gumbo_destroy_output frees the tree recursively, one C stack frame per level: a page nested
// some 10,000 deep already needs more stack than a small thread has. So every node is first
// re-hung directly under the document, and gumbo then frees a tree two levels deep.
void destroyShallow(GumboOutput *output)
{
    std::vector<void *> all;
    std::vector<GumboNode *> pending{output->document};
    while (!pending.empty()) {
        GumboNode *node = pending.back();
        pending.pop_back();
        GumboVector *children = nullptr;
        if (node->type == GUMBO_NODE_DOCUMENT)
            children = &node->v.document.children;
        else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
            children = &node->v.element.children;
        if (!children)
            continue;
        for (unsigned i = 0; i < children->length; ++i) {
            all.push_back(children->data[i]);
            pending.push_back(static_cast<GumboNode *>(children->data[i]));
        }
        if (node != output->document)
            children->length = 0; // gumbo still frees the array itself
    }
    GumboVector &top = output->document->v.document.children;
    if (void **data = static_cast<void **>(std::malloc(sizeof(void *) * std::max<size_t>(all.size(), 1)))) {
        std::copy(all.cbegin(), all.cend(), data);
        std::free(top.data);
        top.data = data;
        top.length = unsigned(all.size());
        top.capacity = unsigned(std::max<size_t>(all.size(), 1));
    }
    const GumboOptions options = gumboOptions();
    gumbo_destroy_output(&options, output);
}

struct GumboOutputDeleter {
    void operator()(GumboOutput *output) const { destroyShallow(output); }
};

} // namespace

HtmlArticle extractHtmlArticle(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    const GumboOptions options = gumboOptions();
    const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size())));
    HtmlArticle article;
    if (!output || !output->root)
        return article;

    Tree tree(output->root);
    const PageMetadata page = readPageMetadata(tree);
    const JsonLd jsonLd = readJsonLd(page.jsonLd);
    const qsizetype container = chooseContainer(tree);
    tree.hideFromMetadata(container);

    article.outlet = page.meta("og:site_name");
    if (article.outlet.isEmpty())
        article.outlet = jsonLd.publisher;
    if (article.outlet.isEmpty())
        article.outlet = page.meta("application-name");
    article.headline = findHeadline(tree, container, page, article.outlet);
    article.author = findAuthor(tree, container, page, jsonLd);
    article.published = findPublished(tree, container, page, jsonLd);
    article.url = page.canonical.isEmpty() ? page.meta("og:url") : page.canonical;

    BodyWriter writer(tree, article.headline);
    article.paragraphs = writer.write(container);
    const qsizetype body = tree.body();
    if (article.paragraphs.isEmpty() && container != body)
        article.paragraphs = writer.write(body);
    return article;
}
