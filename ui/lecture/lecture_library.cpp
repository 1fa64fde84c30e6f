#include "lecture/lecture_library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "lecture/lecture_file.h"
#include "shatter_error.h"

// The lectures live in a static library: make sure its resources are registered.
static void initLectureResources() { Q_INIT_RESOURCE(shatter); }

namespace shatter {

namespace {

const QString kBuiltInFolder = ":/lectures";

void ensureResources() {
    static const bool initialized = (initLectureResources(), true);
    (void)initialized;
}

}  // namespace

QString LectureLibrary::userFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/shatter/lectures";
}

std::vector<LectureListing> LectureLibrary::list() {
    ensureResources();
    std::vector<LectureListing> listings;
    for (const auto& [folder, builtIn] : {std::pair{kBuiltInFolder, true}, std::pair{userFolder(), false}}) {
        const QDir directory(folder);
        for (const QString& name : directory.entryList({"*.json"}, QDir::Files, QDir::Name)) {
            LectureListing listing;
            listing.path = directory.filePath(name);
            listing.builtIn = builtIn;
            try {
                listing.title = QString::fromStdString(load(listing.path).title);
            } catch (const ShatterError&) {
                listing.title = name;  // opening it shows what is wrong
            }
            listings.push_back(listing);
        }
    }
    return listings;
}

Lecture LectureLibrary::load(const QString& path) {
    ensureResources();
    const bool builtIn = path.startsWith(kBuiltInFolder + "/");
    const QString origin = builtIn ? QFileInfo(path).fileName() + " (built in)" : path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        throw ConfigError(origin.toStdString() + ": cannot open the lecture file (" +
                          file.errorString().toStdString() + ")");
    }
    return LectureFile::parse(file.readAll().toStdString(), origin.toStdString());
}

Lecture LectureLibrary::builtIn(const QString& title) {
    for (const LectureListing& listing : list()) {
        if (listing.builtIn && listing.title == title) return load(listing.path);
    }
    throw ConfigError("no built-in lecture is called '" + title.toStdString() + "'");
}

}  // namespace shatter
