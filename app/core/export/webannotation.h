#pragma once

#include "export/snapshot.h"

class Annotator;

// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD, the form Hypothesis and
// other annotation tools read and write.
//
// The export is one AnnotationCollection. Each highlight is an Annotation (motivation
// "highlighting") whose target names its article and carries a TextQuoteSelector (exact, prefix,
// suffix) and a TextPositionSelector (code points into the article body); its bodies name each
// claim it reports ("identifying", with the wording), the claim's status ("classifying") and tags
// ("tagging"), and its note ("commenting"). Each claim is a linking Annotation whose targets are its
// highlights and whose bodies hold its title, note, status, tags and evidence links. The articles are
// listed with the SHA-256 of their text, so that a re-import finds them; what the W3C vocabulary has
// no word for (wording, tag colours, evidence notes) is in the "px:" namespace.
namespace Export {

QByteArray webAnnotations(const Snapshot &snapshot);
Result writeWebAnnotations(const Snapshot &snapshot, const QString &path, const Progress &progress = {});

struct ImportReport {
    QString error; // empty on success; then nothing was changed
    int claimsAdded = 0;
    int highlightsAdded = 0;
    int linksAdded = 0;
    int evidenceAdded = 0;
    int tagsAdded = 0;
    bool ok() const { return error.isEmpty(); }
    QString summary() const;
};

// Reads annotations exported by webAnnotations() into the workspace of annotator, which must hold
// the same articles (found by the digest of their text, else by headline and outlet). Claims are
// matched by title and highlights by position, so importing a file twice adds nothing the second
// time; what the workspace lacks (a claim's status, note, tags or evidence, a highlight's note) is
// filled in. Everything is checked before anything is written, and written in one transaction and
// one undo step: a broken or mismatched file changes nothing.
ImportReport importWebAnnotations(Annotator &annotator, const QByteArray &json);

} // namespace Export
