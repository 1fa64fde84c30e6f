#include "experiment/preset_library.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <nlohmann/json.hpp>

#include "experiment/experiment_panel.h"
#include "run/settings_diff.h"
#include "shatter_error.h"

// The presets live in a static library: make sure its resources are registered.
static void initPresetResources() { Q_INIT_RESOURCE(shatter); }

namespace shatter {

Preset PresetLibrary::parse(const QByteArray& bytes, const QString& origin) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(bytes.toStdString());
    } catch (const nlohmann::json::exception& e) {
        throw ConfigError(origin.toStdString() + ": not valid JSON (" + e.what() + ")");
    }
    if (!json.is_object() || !json.contains("title") || !json.at("title").is_string()) {
        throw ConfigError(origin.toStdString() + ": a preset needs a \"title\"");
    }
    Preset preset;
    preset.title = QString::fromStdString(json.at("title").get<std::string>());
    if (json.contains("description") && json.at("description").is_string()) {
        preset.description = QString::fromStdString(json.at("description").get<std::string>());
    }
    if (json.contains("pace")) {
        if (!json.at("pace").is_string()) {
            throw ConfigError(origin.toStdString() + ": \"pace\" must be a string such as \"30s\"");
        }
        preset.pace =
            EpochPace::parse(json.at("pace").get<std::string>(), origin.toStdString() + ": pace");
    }
    json.erase("title");
    json.erase("description");
    json.erase("pace");
    if (json.contains("dataset") && json.at("dataset").is_string()) {
        QString dataset = QString::fromStdString(json.at("dataset").get<std::string>());
        if (dataset.contains("@CIFAR10@")) {
            QString folder = ExperimentPanel::rememberedFolder("cifar10");
            if (folder.isEmpty()) {
                folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         "/shatter/data/cifar-10-batches-bin";
            }
            dataset.replace("@CIFAR10@", folder);
            json["dataset"] = dataset.toStdString();
        }
    }
    preset.config.mergeJson(json, origin.toStdString());
    preset.config.validate();
    return preset;
}

bool Preset::matches(const RunConfig& settings) const {
    return SettingsDiff::differing({config, settings}).empty();
}

const std::vector<Preset>& PresetLibrary::all() {
    static std::vector<Preset> presets;
    static const bool initialized = (initPresetResources(), true);
    (void)initialized;
    presets.clear();  // re-read: the CIFAR-10 folder may have changed
    const QDir directory(":/presets");
    for (const QString& name : directory.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        QFile file(directory.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        presets.push_back(parse(file.readAll(), name));
    }
    return presets;
}

QStringList PresetLibrary::titles() {
    QStringList names;
    for (const Preset& preset : all()) names << preset.title;
    return names;
}

std::optional<Preset> PresetLibrary::find(const QString& title) {
    for (const Preset& preset : all()) {
        if (preset.title.compare(title, Qt::CaseInsensitive) == 0) return preset;
    }
    return std::nullopt;
}

}  // namespace shatter
