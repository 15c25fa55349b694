#include "exportcontroller.h"

#include "annotationstore.h"
#include "annotator.h"
#include "export/pdfexport.h"
#include "export/reports.h"
#include "export/webannotation.h"
#include "workspace.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QSettings>
#include <QtConcurrent>

namespace {

struct FormInfo {
    const char *objectName;
    const char *menuText;
    const char *suffix;
    const char *filter;
};

FormInfo info(ExportController::Form form)
{
    switch (form) {
    case ExportController::Form::Pdf:
        return {"exportPdf", QT_TRANSLATE_NOOP("ExportController", "&PDF…"), "pdf",
                QT_TRANSLATE_NOOP("ExportController", "PDF documents (*.pdf)")};
    case ExportController::Form::Markdown:
        return {"exportMarkdown", QT_TRANSLATE_NOOP("ExportController", "&Markdown…"), "md",
                QT_TRANSLATE_NOOP("ExportController", "Markdown (*.md)")};
    case ExportController::Form::Csv:
        return {"exportCsv", QT_TRANSLATE_NOOP("ExportController", "&CSV…"), "csv",
                QT_TRANSLATE_NOOP("ExportController", "CSV (*.csv)")};
    case ExportController::Form::WebAnnotations:
        return {"exportWebAnnotations", QT_TRANSLATE_NOOP("ExportController", "&Web Annotations (JSON-LD)…"), "jsonld",
                QT_TRANSLATE_NOOP("ExportController", "W3C Web Annotations (*.jsonld *.json)")};
    }
    return {};
}

} // namespace

ExportController::ExportController(QWidget *window, std::function<Annotator *()> annotator)
    : QObject(window)
    , m_window(window)
    , m_annotator(std::move(annotator))
{
}

QAction *ExportController::populate(QMenu *exportMenu)
{
    for (Form form : {Form::Pdf, Form::Markdown, Form::Csv, Form::WebAnnotations}) {
        QAction *action = exportMenu->addAction(tr(info(form).menuText));
        action->setObjectName(QLatin1String(info(form).objectName));
        connect(action, &QAction::triggered, this, [this, form] { chooseExport(form); });
    }
    auto *import = new QAction(tr("Import &Annotations…"), this);
    import->setObjectName(QStringLiteral("importAnnotations"));
    connect(import, &QAction::triggered, this, &ExportController::chooseImport);
    return import;
}

void ExportController::chooseExport(Form form)
{
    Annotator *annotator = m_annotator();
    if (!annotator || m_busy)
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("export/lastFolder"), QDir::homePath()).toString();
    const QString name = QFileInfo(annotator->workspace()->path()).completeBaseName() + QLatin1Char('.')
        + QLatin1String(info(form).suffix);
    const QString path
        = QFileDialog::getSaveFileName(m_window, tr("Export"), QDir(folder).filePath(name), tr(info(form).filter));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/lastFolder"), QFileInfo(path).absolutePath());
    exportTo(form, path);
}

void ExportController::exportTo(Form form, const QString &path)
{
    Annotator *annotator = m_annotator();
    if (!annotator || m_busy)
        return;
    m_busy = true;
    // Read here: the workspace's connection belongs to this thread. The worker gets plain values.
    Export::Snapshot snapshot = Export::Snapshot::read(*annotator->workspace(), *annotator->store());
    Export::PdfOptions options;
    options.author = QSettings().value(QStringLiteral("export/author"), Export::defaultAuthor()).toString();

    auto *watcher = new QFutureWatcher<Export::Result>(this);
    auto *progress
        = new QProgressDialog(tr("Exporting %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export"));
    progress->setMinimumDuration(300);
    progress->setWindowModality(Qt::WindowModal);
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, progress, &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, watcher, &QFutureWatcherBase::cancel);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, path] {
        progress->deleteLater();
        watcher->deleteLater();
        m_busy = false;
        const Export::Result result
            = watcher->future().resultCount() > 0 ? watcher->result() : Export::Result{{}, true};
        if (result.cancelled || watcher->isCanceled()) {
            Q_EMIT message(tr("Export cancelled; nothing was written."));
            Q_EMIT finished(false);
        } else if (!result.ok()) {
            problem(tr("Export failed"), result.error);
            Q_EMIT finished(false);
        } else {
            Q_EMIT message(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
            Q_EMIT finished(true);
        }
    });
    watcher->setFuture(
        QtConcurrent::run([form, path, options, snapshot = std::move(snapshot)](QPromise<Export::Result> &promise) {
            const Export::Progress report = [&promise](int done, int total) {
                promise.setProgressRange(0, total);
                promise.setProgressValue(done);
                return !promise.isCanceled();
            };
            switch (form) {
            case Form::Pdf:
                promise.addResult(Export::writePdf(snapshot, path, options, report));
                break;
            case Form::Markdown:
                promise.addResult(Export::writeMarkdown(snapshot, path, report));
                break;
            case Form::Csv:
                promise.addResult(Export::writeCsv(snapshot, path, report));
                break;
            case Form::WebAnnotations:
                promise.addResult(Export::writeWebAnnotations(snapshot, path, report));
                break;
            }
        }));
}

void ExportController::chooseImport()
{
    if (!m_annotator() || m_busy)
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("export/lastFolder"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import Annotations"), folder,
                                                      tr(info(Form::WebAnnotations).filter) + tr(";;All files (*)"));
    if (!path.isEmpty())
        importFrom(path);
}

void ExportController::importFrom(const QString &path)
{
    Annotator *annotator = m_annotator();
    if (!annotator || m_busy)
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problem(tr("Cannot import annotations"), tr("%1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        Q_EMIT finished(false);
        return;
    }
    // On this thread: the import writes through the annotator, one transaction and one undo step.
    const Export::ImportReport report = Export::importWebAnnotations(*annotator, file.readAll());
    if (!report.ok()) {
        problem(tr("Cannot import annotations"),
                tr("%1: %2. Nothing was imported.").arg(QFileInfo(path).fileName(), report.error));
        Q_EMIT finished(false);
        return;
    }
    Q_EMIT message(tr("Imported annotations: %1.").arg(report.summary()));
    Q_EMIT finished(true);
}

void ExportController::problem(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("exportProblemBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
