#pragma once

#include "detect/suggestion.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class AnnotationController;
class Annotator;
class DetectionRunner;
class SuggestionsModel;
class SuggestionsPanel;

// Ties detection to annotation: runs the detector when a workspace opens and after an import,
// leaves out suggestions the reader rejected or already made into a claim, and carries out the
// panel's accept, merge and reject through the Annotator (each one undoable step).
class SuggestionsController : public QObject
{
    Q_OBJECT
public:
    SuggestionsController(SuggestionsModel *model, DetectionRunner *runner, SuggestionsPanel *panel,
                          AnnotationController *annotation, QObject *parent = nullptr);

    void setAnnotator(Annotator *annotator);

Q_SIGNALS:
    void message(const QString &text);

private:
    void refreshExcluded();
    void scheduleRefresh();
    void accept(const Detect::Suggestion &s);
    void merge(const Detect::Suggestion &s);
    void reject(const Detect::Suggestion &s);

    SuggestionsModel *m_model;
    DetectionRunner *m_runner;
    AnnotationController *m_annotation;
    QPointer<Annotator> m_annotator;
    QSet<QByteArray> m_rejected;
    bool m_refreshPending = false;
};
