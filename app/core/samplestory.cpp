#include "samplestory.h"

#include "importer.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace SampleStory {

QString defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("Sample story.parallax"));
}

bool create(const QString &path, QString *error)
{
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: already exists").arg(path);
        return false;
    }
    QFile manifestFile(QStringLiteral(":/sample/story.json"));
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the sample story is missing from this build");
        return false;
    }
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    QList<ArticleDraft> drafts;
    for (const QJsonValue &entry : manifest.value(QLatin1String("articles")).toArray()) {
        const QJsonObject o = entry.toObject();
        const QString file = o.value(QLatin1String("file")).toString();
        Importer::Result r = Importer::importFile(QStringLiteral(":/sample/") + file);
        if (!r.ok()) {
            *error = r.error;
            return false;
        }
        r.draft.outlet = o.value(QLatin1String("outlet")).toString();
        drafts.append(r.draft);
    }

    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    {
        std::unique_ptr<Workspace> ws = Workspace::open(partial, error);
        if (!ws)
            return false;
        bool ok = ws->setTitle(manifest.value(QLatin1String("title")).toString());
        for (const Workspace::AddResult &r : ws->addArticles(drafts))
            ok = ok && r.ok();
        if (!ok) {
            *error = QStringLiteral("the sample story could not be written: %1").arg(ws->lastError());
            ws.reset();
            QFile::remove(partial);
            return false;
        }
    } // closing the last connection folds the write-ahead log into the file
    if (!QFile::rename(partial, path)) {
        *error = QStringLiteral("%1: cannot be written").arg(path);
        QFile::remove(partial);
        return false;
    }
    return true;
}

std::unique_ptr<Workspace> openOrCreate(QString *error)
{
    const QString path = defaultPath();
    if (!QFileInfo::exists(path) && !create(path, error))
        return nullptr;
    return Workspace::open(path, error);
}

} // namespace SampleStory
