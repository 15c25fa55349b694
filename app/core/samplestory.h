#pragma once

#include <QString>

#include <memory>

class Workspace;

// The sample story shipped in the resources: five real articles on one story.
namespace SampleStory {

// Where the sample workspace lives: the XDG data location of the app.
QString defaultPath();

// Writes a new workspace at path with the sample articles. The file appears whole or not at all
// (it is built beside the target and renamed). Fails if path exists.
bool create(const QString &path, QString *error);

// Opens the sample workspace at defaultPath(), creating it the first time.
std::unique_ptr<Workspace> openOrCreate(QString *error);

} // namespace SampleStory
