#pragma once

#include <QObject>

#include <functional>

class Annotator;
class QAction;
class QMenu;
class QWidget;

// File > Export (PDF, Markdown, CSV, Web Annotations) and File > Import Annotations: asks for a
// file, reads the workspace on the UI thread (its connection lives there), writes the export on a
// worker thread behind a progress dialog that can cancel, and says how it went.
class ExportController : public QObject
{
    Q_OBJECT
public:
    // annotator gives the current workspace's annotator, or nullptr when none is open.
    ExportController(QWidget *window, std::function<Annotator *()> annotator);

    // Fills the Export submenu and returns the Import Annotations action, for the File menu.
    QAction *populate(QMenu *exportMenu);

    enum class Form { Pdf, Markdown, Csv, WebAnnotations };
    // Writes the current workspace to path in the background; the file dialog is skipped.
    void exportTo(Form form, const QString &path);
    void importFrom(const QString &path);
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void message(const QString &text);
    void finished(bool ok);

private:
    void chooseExport(Form form);
    void chooseImport();
    void problem(const QString &title, const QString &text);

    QWidget *m_window;
    std::function<Annotator *()> m_annotator;
    bool m_busy = false;
};
