#include "lecture/lecture_file.h"

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "corruption/corruption_mode.h"
#include "shatter_error.h"
#include "util/json_locator.h"

namespace shatter {

namespace {

using Path = std::vector<JsonLocator::PathStep>;
// Where a path of the text is, as messages name it.
using Place = std::function<std::string(const Path&)>;

const std::set<std::string> kLectureKeys = {"title", "description", "pace", "settings", "steps"};
const std::set<std::string> kStepKeys = {"title", "caption", "look_at", "pace",
                                         "settings", "runs", "sweep", "theory"};
const std::set<std::string> kSweepKeys = {"modes", "levels", "models"};

std::string listed(const std::set<std::string>& keys) {
    std::string text;
    for (const std::string& key : keys) text += (text.empty() ? "" : ", ") + key;
    return text;
}

// The reason nlohmann gives, without its own "[json.exception...] parse error at ...: " prefix.
std::string parseReason(const std::string& what) {
    const std::size_t at = what.find("parse error");
    if (at == std::string::npos) return what;
    const std::size_t colon = what.find(": ", at);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Reads one lecture text, naming the file, line and step of every problem it finds.
class Reader {
public:
    Reader(const std::string& text, const std::string& origin) : m_text(text), m_origin(origin) {}

    Lecture read() {
        nlohmann::json json;
        try {
            json = nlohmann::json::parse(m_text);
        } catch (const nlohmann::json::parse_error& error) {
            // `byte` counts the characters read, the offending one included.
            const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
            const JsonLocator::Position at = JsonLocator::position(m_text, offset);
            throw ConfigError(m_origin + ", line " + std::to_string(at.line) + ", column " +
                              std::to_string(at.column) + ": not valid JSON (" +
                              parseReason(error.what()) + ")");
        } catch (const nlohmann::json::exception&) {
            throw ConfigError(m_origin + ": holds a number too large to read (beyond 1.8e308)");
        }
        if (!json.is_object()) throw ConfigError(m_origin + ": a lecture is a JSON object with \"title\" and \"steps\"");
        for (const auto& item : json.items()) {
            if (!kLectureKeys.contains(item.key())) {
                throw ConfigError(at({item.key()}) + ": unknown key '" + item.key() +
                                  "' (a lecture takes " + listed(kLectureKeys) + ")");
            }
        }
        Lecture lecture;
        lecture.origin = m_origin;
        lecture.title = text(json, "title", m_origin, true);
        if (lecture.title.empty()) throw ConfigError(m_origin + ": the lecture needs a \"title\"");
        lecture.description = text(json, "description", at({"description"}), false);
        lecture.pace = pace(json, at({"pace"}));
        RunConfig base;
        if (json.contains("settings")) {
            base = merged(base, json.at("settings"), {"settings"}, [this](const Path& path) { return at(path); });
        }
        if (!json.contains("steps") || !json.at("steps").is_array() || json.at("steps").empty()) {
            throw ConfigError(at({"steps"}) + ": the lecture needs \"steps\", a list of at least one step");
        }
        const nlohmann::json& steps = json.at("steps");
        for (std::size_t i = 0; i < steps.size(); ++i) lecture.steps.push_back(step(steps[i], i, base));
        return lecture;
    }

private:
    // "FILE, line L" for the place `path` leads to; "FILE" when it cannot be found.
    std::string at(const Path& path) const {
        const int line = JsonLocator::line(m_text, path);
        return line > 0 ? m_origin + ", line " + std::to_string(line) : m_origin;
    }

    // "FILE, line L: step K "TITLE"" for a place inside step `index` (0-based).
    std::string inStep(std::size_t index, const std::string& title, Path path) const {
        path.insert(path.begin(), {std::string("steps"), index});
        std::string where = at(path) + ": step " + std::to_string(index + 1);
        if (!title.empty()) where += " \"" + title + "\"";
        return where;
    }

    // The string at `key`; `where` names the object in messages.
    static std::string text(const nlohmann::json& object, const std::string& key,
                            const std::string& where, bool required) {
        if (!object.contains(key)) {
            if (required) throw ConfigError(where + ": needs a \"" + key + "\"");
            return {};
        }
        if (!object.at(key).is_string()) throw ConfigError(where + ": \"" + key + "\" must be a string");
        return object.at(key).get<std::string>();
    }

    // The "pace" of `object`, if any; `where` names it in messages.
    static std::optional<EpochPace> pace(const nlohmann::json& object, const std::string& where) {
        if (!object.contains("pace")) return std::nullopt;
        if (!object.at("pace").is_string()) {
            throw ConfigError(where + ": \"pace\" must be a string such as \"30s\", \"2/s\" or \"fast\"");
        }
        return EpochPace::parse(object.at("pace").get<std::string>(), where + ": pace");
    }

    // `config` with the settings object at `path` merged over it, one key at a time so that a
    // bad one is named with its line; `place` says where a path is ("FILE, line L: step K ...").
    RunConfig merged(RunConfig config, const nlohmann::json& settings, const Path& path,
                     const Place& place) const {
        if (!settings.is_object()) throw ConfigError(place(path) + ": settings must be a JSON object of run settings");
        static const nlohmann::json known = RunConfig{}.toJson();
        for (const auto& item : settings.items()) {
            Path key = path;
            key.emplace_back(item.key());
            if (!known.contains(item.key())) {
                throw ConfigError(place(key) + ": unknown setting '" + item.key() + "'");
            }
            config.mergeJson(nlohmann::json{{item.key(), item.value()}}, place(key));
        }
        return config;
    }

    LectureStep step(const nlohmann::json& json, std::size_t index, const RunConfig& base) {
        std::string title;
        if (json.is_object() && json.contains("title") && json.at("title").is_string()) {
            title = json.at("title").get<std::string>();
        }
        // Every message about this step starts "FILE, line L: step K "TITLE"".
        const Place place = [this, index, title](const Path& path) { return inStep(index, title, path); };
        const std::string here = inStep(index, title, {});
        if (!json.is_object()) throw ConfigError(here + ": a step is a JSON object with \"title\" and \"caption\"");
        for (const auto& item : json.items()) {
            if (!kStepKeys.contains(item.key())) {
                throw ConfigError(inStep(index, title, {item.key()}) + ": unknown key '" + item.key() +
                                  "' (a step takes " + listed(kStepKeys) + ")");
            }
        }
        LectureStep step;
        if (title.empty()) throw ConfigError(here + ": a step needs a \"title\" (a non-empty string)");
        step.title = title;
        step.caption = text(json, "caption", here, true);
        step.lookAt = text(json, "look_at", inStep(index, title, {"look_at"}), false);
        step.pace = pace(json, inStep(index, title, {"pace"}));
        RunConfig config = base;
        if (json.contains("settings")) config = merged(config, json.at("settings"), {"settings"}, place);
        int shows = 0;
        for (const char* key : {"runs", "sweep", "theory"}) shows += json.contains(key) ? 1 : 0;
        if (shows > 1) {
            throw ConfigError(here + ": a step shows one thing: \"runs\", \"sweep\" or \"theory\", not several");
        }
        try {
            if (json.contains("runs")) {
                step.kind = LectureStep::Kind::Runs;
                const nlohmann::json& runs = json.at("runs");
                if (!runs.is_array() || runs.empty()) {
                    throw ConfigError(inStep(index, title, {"runs"}) +
                                      ": \"runs\" must be a list of settings objects, at least one");
                }
                for (std::size_t i = 0; i < runs.size(); ++i) {
                    step.runs.push_back(merged(config, runs[i], {std::string("runs"), i}, place));
                }
            } else if (json.contains("sweep")) {
                step.kind = LectureStep::Kind::Sweep;
                step.sweep = sweep(json.at("sweep"), config, index, title);
            } else if (json.contains("theory")) {
                step.kind = LectureStep::Kind::Theory;
                const nlohmann::json& theory = json.at("theory");
                if (!theory.is_string() || theory.get<std::string>() != "expressivity") {
                    throw ConfigError(inStep(index, title, {"theory"}) +
                                      ": \"theory\" must be \"expressivity\" (the 2n+d construction)");
                }
                step.runs = {config};
            } else {
                step.runs = {config};
            }
            for (const RunConfig& run : step.runs) run.validate();
            if (step.kind == LectureStep::Kind::Sweep) {
                for (const RunConfig& point : step.sweep.points()) point.validate();
            }
        } catch (const ConfigError& error) {
            const std::string message = error.what();
            if (message.rfind(m_origin, 0) == 0) throw;
            throw ConfigError(here + ": " + message);
        } catch (const DataError& error) {
            throw ConfigError(here + ": " + error.what());
        }
        return step;
    }

    SweepPlan sweep(const nlohmann::json& json, const RunConfig& base, std::size_t index,
                    const std::string& title) const {
        const std::string here = inStep(index, title, {"sweep"});
        if (!json.is_object()) throw ConfigError(here + ": \"sweep\" must be an object with \"modes\" and \"levels\"");
        for (const auto& item : json.items()) {
            if (!kSweepKeys.contains(item.key())) {
                throw ConfigError(inStep(index, title, {"sweep", item.key()}) + ": unknown key '" + item.key() +
                                  "' in \"sweep\" (it takes " + listed(kSweepKeys) + ")");
            }
        }
        SweepPlan plan;
        plan.base = base;
        plan.models = {base.model};
        auto strings = [&](const char* key) {
            const nlohmann::json& list = json.at(key);
            const std::string place = inStep(index, title, {"sweep", key});
            if (!list.is_array() || list.empty()) throw ConfigError(place + ": \"" + key + "\" must be a list, not empty");
            std::vector<std::string> values;
            for (const nlohmann::json& item : list) {
                if (!item.is_string()) throw ConfigError(place + ": \"" + key + "\" must hold strings");
                values.push_back(item.get<std::string>());
            }
            return values;
        };
        if (!json.contains("modes") || !json.contains("levels")) {
            throw ConfigError(here + ": \"sweep\" needs \"modes\" and \"levels\"");
        }
        plan.modes.clear();
        for (const std::string& mode : strings("modes")) {
            try {
                plan.modes.push_back(parseCorruptionMode(mode));
            } catch (const ShatterError& error) {
                throw ConfigError(inStep(index, title, {"sweep", "modes"}) + ": " + error.what());
            }
        }
        if (json.contains("models")) plan.models = strings("models");
        const nlohmann::json& levels = json.at("levels");
        const std::string levelsAt = inStep(index, title, {"sweep", "levels"});
        if (!levels.is_array() || levels.empty()) throw ConfigError(levelsAt + ": \"levels\" must be a list of numbers from 0 to 1");
        plan.levels.clear();
        for (const nlohmann::json& level : levels) {
            if (!level.is_number() || level.get<double>() < 0.0 || level.get<double>() > 1.0) {
                throw ConfigError(levelsAt + ": \"levels\" holds " + level.dump() + ": each level must be a number from 0 to 1");
            }
            plan.levels.push_back(level.get<double>());
        }
        try {
            plan.validate();
        } catch (const ShatterError& error) {
            throw ConfigError(here + ": " + error.what());
        }
        return plan;
    }

    const std::string& m_text;
    std::string m_origin;
};

}  // namespace

Lecture LectureFile::parse(const std::string& text, const std::string& origin) {
    return Reader(text, origin).read();
}

Lecture LectureFile::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path + ": cannot open the lecture file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return parse(bytes.str(), path);
}

}  // namespace shatter
