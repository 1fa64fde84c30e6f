#pragma once

#include <string>

#include "lecture/lecture.h"

namespace shatter {

// Reads a lecture file: JSON with "title", optional "description", "pace" and "settings" (run
// settings every step starts from, RunConfig's keys), and "steps", each with "title",
// "caption", optional "look_at", "pace" and "settings", and at most one of "runs" (a list of
// settings, one run each), "sweep" ({"modes", "levels", optional "models"}: Figure 1) or
// "theory" ("expressivity": the 2n+d construction). A step with none of them is one run.
// Settings merge over RunConfig's defaults, the lecture's settings, then the step's.
//
// Every problem throws ConfigError naming the file and its line; a bad step also names the
// step's number and title and the key. Unknown keys are errors.
class LectureFile {
public:
    // `origin` names the text in messages (a file name).
    static Lecture parse(const std::string& text, const std::string& origin);
    // Throws ConfigError when the file cannot be read.
    static Lecture load(const std::string& path);
};

}  // namespace shatter
