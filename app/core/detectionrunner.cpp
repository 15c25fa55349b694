#include "detectionrunner.h"

#include "workspace.h"

#include <QtConcurrent/QtConcurrentRun>

DetectionRunner::DetectionRunner(QObject *parent)
    : QObject(parent)
    , m_engine(std::make_shared<Detect::Engine>())
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DetectionRunner::onFinished);
}

DetectionRunner::~DetectionRunner()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

void DetectionRunner::setWorkspace(Workspace *workspace)
{
    cancel();
    m_watcher.waitForFinished();
    m_workspace = workspace;
    m_engine = std::make_shared<Detect::Engine>(); // a new index for a new workspace
    m_again = false;
}

void DetectionRunner::run()
{
    if (!m_workspace)
        return;
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    QList<Detect::Document> documents;
    for (const ArticleSummary &a : m_workspace->articles()) {
        if (!m_engine->contains(a.id))
            documents.append({a.id, m_workspace->articleBody(a.id), a.outlet});
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto engine = m_engine;
    auto cancelFlag = m_cancel;
    QPointer<DetectionRunner> self(this);
    Detect::Control control;
    control.cancel = cancelFlag.get();
    control.progress = [self](int done, int total) {
        // On the worker: hand the figures over to the runner's thread.
        QMetaObject::invokeMethod(
            self.data(),
            [self, done, total] {
                if (self)
                    Q_EMIT self->progress(done, total);
            },
            Qt::QueuedConnection);
    };
    Q_EMIT started();
    m_watcher.setFuture(
        QtConcurrent::run([engine, cancelFlag, documents, control]() -> std::optional<QList<Detect::Suggestion>> {
            if (!engine->add(documents, control))
                return std::nullopt;
            return engine->detect(control);
        }));
}

void DetectionRunner::cancel()
{
    m_again = false;
    m_cancel->store(true);
}

void DetectionRunner::onFinished()
{
    const std::optional<QList<Detect::Suggestion>> result = m_watcher.result();
    if (m_again) {
        m_again = false;
        run();
        return;
    }
    if (result)
        Q_EMIT finished(*result);
    else
        Q_EMIT cancelled();
}
