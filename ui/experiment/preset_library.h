#pragma once

#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

#include "train/epoch_pace.h"
#include "train/run_config.h"

namespace shatter {

// A named set of settings: a JSON file of RunConfig keys plus "title", "description" and an
// optional "pace" ("30s", "1/s", "fast": how fast the window shows the run, see EpochPace).
struct Preset {
    QString title;
    QString description;
    RunConfig config;
    std::optional<EpochPace> pace;  // none: applying the preset leaves the pace as it is

    // Whether `settings` are still this preset's (the same run, whatever the display name).
    bool matches(const RunConfig& settings) const;
};

// The presets compiled into the application (resources/presets/*.json). A dataset written
// "cifar10:@CIFAR10@" points at the CIFAR-10 folder chosen or downloaded last.
class PresetLibrary {
public:
    // Reads every preset from the resources; throws ConfigError for a malformed file.
    static const std::vector<Preset>& all();
    static QStringList titles();
    static std::optional<Preset> find(const QString& title);
    // Parses one preset file's contents; `origin` names it in errors.
    static Preset parse(const QByteArray& json, const QString& origin);
};

}  // namespace shatter
