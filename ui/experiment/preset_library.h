#pragma once

#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

#include "train/run_config.h"

namespace shatter {

// A named set of settings: a JSON file of RunConfig keys plus "title" and "description".
struct Preset {
    QString title;
    QString description;
    RunConfig config;
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
