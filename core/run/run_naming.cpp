#include "run/run_naming.h"

#include <algorithm>
#include <map>
#include <set>

#include "run/run_library.h"
#include "run/settings_diff.h"

namespace shatter {

namespace {

const std::string kSeparator = " · ";

constexpr std::size_t kMostKeys = 3;

// The order runs were started in: the first one keeps the plain name.
bool startedBefore(const RunEntry& a, const RunEntry& b) { return RunLibrary::listedBefore(b, a); }

// Which settings tell runs apart best, first.
int priority(const std::string& key) {
    static const std::vector<std::string> order = {
        "dataset", "model",   "corruption", "level",        "train_size", "seed",
        "epochs",  "lr",      "batch_size", "weight_decay", "dropout",    "random_crop",
        "momentum", "lr_decay", "test_size"};
    const auto it = std::find(order.begin(), order.end(), key);
    return int(it - order.begin());
}

std::string suffixOf(const RunConfig& config, const std::vector<std::string>& keys) {
    std::string suffix;
    for (const std::string& key : keys) {
        suffix += (suffix.empty() ? "" : ", ") + RunNaming::settingLabel(config, key);
    }
    return suffix;
}

std::size_t distinctSuffixes(const std::vector<RunEntry>& entries,
                             const std::vector<std::size_t>& members,
                             const std::vector<std::string>& keys) {
    std::set<std::string> suffixes;
    for (std::size_t i : members) {
        if (entries[i].readable) suffixes.insert(suffixOf(entries[i].config(), keys));
    }
    return suffixes.size();
}

// A few of the differing settings, in priority order, each one telling more runs apart; the
// counter tells apart what they leave alike.
std::vector<std::string> chooseKeys(const std::vector<RunEntry>& entries,
                                    const std::vector<std::size_t>& members,
                                    std::vector<std::string> differing) {
    std::stable_sort(differing.begin(), differing.end(),
                     [](const std::string& a, const std::string& b) { return priority(a) < priority(b); });
    std::size_t readable = 0;
    for (std::size_t i : members) readable += entries[i].readable ? 1 : 0;
    std::vector<std::string> chosen;
    std::size_t distinct = 1;
    for (const std::string& key : differing) {
        if (chosen.size() == kMostKeys || distinct == readable) break;
        std::vector<std::string> trial = chosen;
        trial.push_back(key);
        const std::size_t more = distinctSuffixes(entries, members, trial);
        if (more > distinct) {
            chosen = trial;
            distinct = more;
        }
    }
    return chosen;
}

}  // namespace

std::string RunNaming::settingLabel(const RunConfig& config, const std::string& key) {
    const std::string value = SettingsDiff::value(config, key);
    if (key == "train_size") return value + " images";
    if (key == "test_size") return value + " test images";
    if (key == "epochs") return value + " epochs";
    if (key == "model" || key == "dataset" || key == "device") return value;
    if (key == "corruption") return value == "none" ? "true labels" : value;
    if (key == "level") return "level " + value;
    if (key == "batch_size") return "batch " + value;
    if (key == "threads") return value + " threads";
    if (key == "stop_when_fit") return value == "yes" ? "stops when fit" : "runs all epochs";
    std::string name = key;
    std::replace(name.begin(), name.end(), '_', ' ');
    return name + " " + value;
}

void RunNaming::distinguish(std::vector<RunEntry>& entries) {
    std::map<std::string, std::vector<std::size_t>> byName;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        RunEntry& entry = entries[i];
        if (entry.ownName.empty()) entry.ownName = entry.displayName;
        entry.displayName = entry.ownName;
        byName[entry.ownName].push_back(i);
    }
    for (auto& [name, members] : byName) {
        if (members.size() < 2) continue;
        // What differs among the readable runs of this name.
        std::vector<RunConfig> configs;
        for (std::size_t i : members) {
            if (entries[i].readable) configs.push_back(entries[i].config());
        }
        const std::vector<std::string> keys = chooseKeys(entries, members, SettingsDiff::differing(configs));
        if (!keys.empty()) {
            for (std::size_t i : members) {
                RunEntry& entry = entries[i];
                if (!entry.readable) continue;
                entry.displayName = name + kSeparator + suffixOf(entry.config(), keys);
            }
        }
    }
    // Runs still alike (the same settings, or a user's name given twice): numbered by start.
    std::map<std::string, std::vector<std::size_t>> byDisplay;
    for (std::size_t i = 0; i < entries.size(); ++i) byDisplay[entries[i].displayName].push_back(i);
    for (auto& [name, members] : byDisplay) {
        if (members.size() < 2) continue;
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return startedBefore(entries[a], entries[b]);
        });
        for (std::size_t n = 1; n < members.size(); ++n) {
            entries[members[n]].displayName = name + " #" + std::to_string(n + 1);
        }
    }
    // A counter can meet a run of that very name ("x #2" named so by hand): count on.
    std::map<std::string, int> seen;
    for (const RunEntry& entry : entries) ++seen[entry.displayName];
    for (RunEntry& entry : entries) {
        if (seen[entry.displayName] < 2) continue;
        const std::string base = entry.displayName;
        --seen[base];
        for (int n = 2;; ++n) {
            const std::string candidate = base + " (" + std::to_string(n) + ")";
            if (!seen.count(candidate)) {
                entry.displayName = candidate;
                seen[candidate] = 1;
                break;
            }
        }
    }
}

}  // namespace shatter
