#pragma once

#include <vector>

#include <QString>

#include "lecture/lecture.h"

namespace shatter {

// A lecture the Lecture menu lists: its title (the file name when the file does not read) and
// where it is.
struct LectureListing {
    QString title;
    QString path;
    bool builtIn = false;
};

// The lectures compiled into the application (resources/lectures/*.json) and those in the
// user's data folder (<data folder>/shatter/lectures/*.json), each read with LectureFile.
class LectureLibrary {
public:
    // $XDG_DATA_HOME/shatter/lectures (by default ~/.local/share/shatter/lectures).
    static QString userFolder();
    // The built-in lectures, then the user's, each in file-name order. A user's file that does
    // not read is listed under its file name, so that opening it shows why.
    static std::vector<LectureListing> list();
    // Reads one lecture file (":/lectures/..." for a built-in one); throws ConfigError naming
    // the file, the line and, for a bad step, the step and the key.
    static Lecture load(const QString& path);
    // The built-in lecture with this title; throws ConfigError when there is none.
    static Lecture builtIn(const QString& title);
};

}  // namespace shatter
