// W3C Web Annotation (JSON-LD) import into a real workspace holding two articles: any input is
// imported as one undoable step or refused with a reason, never a crash; a refused file changes
// nothing. Each imported file is undone so the workspace stays small.
#include "annotationstore.h"
#include "annotator.h"
#include "export/webannotation.h"
#include "fuzzsupport.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QUndoStack>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {
std::unique_ptr<QTemporaryDir> dir;
std::unique_ptr<Workspace> workspace;
std::unique_ptr<Annotator> annotator;

int countRows()
{
    AnnotationStore *s = annotator->store();
    return int(s->claims().size() + s->allHighlights().size() + s->allAppearances().size());
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::startApplication();
    dir = std::make_unique<QTemporaryDir>();
    QString error;
    workspace = Workspace::open(dir->filePath(QStringLiteral("fuzz.parallax")), &error);
    if (!workspace)
        FuzzSupport::broken("the workspace opens");
    QList<ArticleDraft> drafts;
    const char *bodies[] = {"The council voted on Monday to approve the harbour plan, officials said.",
                            "Officials said the council approved the harbour plan on Monday."};
    for (int i = 0; i < 2; ++i) {
        ArticleDraft d;
        d.headline = QStringLiteral("Article %1").arg(i + 1);
        d.outlet = QStringLiteral("Outlet %1").arg(i + 1);
        d.body = QString::fromUtf8(bodies[i]);
        d.original = d.body.toUtf8();
        drafts << d;
    }
    for (const auto &r : workspace->addArticles(drafts)) {
        if (!r.ok())
            FuzzSupport::broken("the articles are stored");
    }
    annotator = std::make_unique<Annotator>(workspace.get());
    // Closed before the application goes (registered after it was made, so run before it is destroyed).
    std::atexit([] {
        annotator.reset();
        workspace.reset();
        dir.reset();
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const int before = countRows();
    const Export::ImportReport report = Export::importWebAnnotations(*annotator, json);
    if (!report.ok()) {
        FuzzSupport::check(!report.error.isEmpty(), "a refusal gives a reason");
        FuzzSupport::check(countRows() == before, "a refused file changes nothing");
        return 0;
    }
    if (annotator->undoStack()->canUndo())
        annotator->undoStack()->undo();
    FuzzSupport::check(countRows() == before, "undo takes an import back whole");
    annotator->undoStack()->clear();
    return 0;
}
