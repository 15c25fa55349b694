#include "htmlarticle.h"

#include <gumbo.h>

// Placeholder until the extraction heuristics land: <title> and every <p>.
HtmlArticle extractHtmlArticle(const QString &html)
{
    HtmlArticle article;
    const QByteArray utf8 = html.toUtf8();
    GumboOutput *output = gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), size_t(utf8.size()));
    QList<const GumboNode *> stack{output->root};
    while (!stack.isEmpty()) {
        const GumboNode *node = stack.takeLast();
        if (node->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboVector &children = node->v.element.children;
        if (node->v.element.tag == GUMBO_TAG_P || node->v.element.tag == GUMBO_TAG_TITLE) {
            QString text;
            for (unsigned i = 0; i < children.length; ++i) {
                auto *c = static_cast<const GumboNode *>(children.data[i]);
                if (c->type == GUMBO_NODE_TEXT)
                    text += QString::fromUtf8(c->v.text.text);
            }
            if (node->v.element.tag == GUMBO_TAG_TITLE)
                article.headline = text.simplified();
            else if (!text.simplified().isEmpty())
                article.paragraphs.append(text.simplified());
            continue;
        }
        for (unsigned i = children.length; i > 0; --i)
            stack.append(static_cast<const GumboNode *>(children.data[i - 1]));
    }
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return article;
}
