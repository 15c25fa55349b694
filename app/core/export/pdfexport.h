#pragma once

#include "export/snapshot.h"

// The dossier a reader hands to an editor: a PDF that any PDF reader shows with its highlights.
//
// A cover (the story, its articles, the unsupported claims), the claims table and the coverage
// matrix, then each article's full text. Every highlight is a real /Highlight annotation over
// exactly the glyphs it covers, line by line, coloured like in the window, with the claim's title,
// status and note and the other outlets reporting it as its comment, and an appearance stream so
// that every viewer draws it alike. Bookmarks lead to the cover, the claims and each article.
//
// Qt lays out and prints the pages; libqpdf then adds the annotations, the outline and the
// document information to the PDF Qt wrote.
namespace Export {

struct PdfOptions {
    QString author; // the /T (author) of every annotation, and the document's author
    // Without annotations, outline and information the PDF is what plain printing of the same
    // pages gives: the baseline the export is measured against.
    bool annotate = true;
};

Result writePdf(const Snapshot &snapshot, const QString &path, const PdfOptions &options,
                const Progress &progress = {});

} // namespace Export
