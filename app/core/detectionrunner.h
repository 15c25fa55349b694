#pragma once

#include "detect/engine.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class Workspace;

// Runs detection over a workspace off the UI thread. The engine's index is kept between runs, so
// a run after an import only indexes the new articles. One run at a time: asking for another
// while one is under way runs it right after. Bodies are read on the calling thread (a Qt Sql
// connection belongs to its thread); the worker only sees plain text.
class DetectionRunner : public QObject
{
    Q_OBJECT
public:
    explicit DetectionRunner(QObject *parent = nullptr);
    ~DetectionRunner() override;

    void setWorkspace(Workspace *workspace);
    void run();
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void started();
    void progress(int done, int total);
    void finished(const QList<Detect::Suggestion> &suggestions);
    void cancelled();

private:
    void onFinished();

    QPointer<Workspace> m_workspace;
    std::shared_ptr<Detect::Engine> m_engine;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<std::optional<QList<Detect::Suggestion>>> m_watcher;
    bool m_again = false;
};
