#include "run/run_library.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "run/run_naming.h"
#include "run/run_reader.h"
#include "run/settings_diff.h"
#include "shatter_error.h"
#include "util/atomic_file.h"
#include "util/text_format.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

constexpr const char* kOriginFile = "origin.txt";

bool isHidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}

// A folder that RunWriter made, however far it got.
bool looksLikeRun(const fs::path& directory) {
    std::error_code ec;
    for (const char* file : {"config.json", "metrics.csv", "summary.json"}) {
        if (fs::exists(directory / file, ec)) return true;
    }
    return false;
}

bool isSweep(const fs::path& directory) {
    std::error_code ec;
    return fs::exists(directory / "sweep.json", ec);
}

std::vector<fs::path> subfolders(const fs::path& directory) {
    std::vector<fs::path> folders;
    std::error_code ec;
    fs::directory_iterator it(directory, ec);
    if (ec) return folders;
    for (const fs::directory_entry& entry : it) {
        std::error_code typeError;
        if (entry.is_directory(typeError) && !isHidden(entry.path()))
            folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

bool holdsRuns(const fs::path& directory) {
    for (const fs::path& child : subfolders(directory)) {
        if (looksLikeRun(child)) return true;
    }
    return false;
}

std::string folderName(const std::string& directory) {
    fs::path path = fs::path(directory).lexically_normal();
    if (path.filename().empty()) path = path.parent_path();
    return path.filename().string();
}

std::string resolvedPath(const fs::path& path) {
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(path, ec);
    return ec ? path.lexically_normal().string() : resolved.string();
}

// RunWriter's folder names start with the time, "20260110-093000-"; the rest names the run.
std::string withoutTimestamp(const std::string& folder) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(folder[i]))) return false;
        }
        return true;
    };
    const bool stamped =
        folder.size() > 16 && digits(0, 8) && folder[8] == '-' && digits(9, 6) && folder[15] == '-';
    return stamped ? folder.substr(16) : folder;
}

void moveFolder(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) {
        throw RunStoreError(from.string() + ": cannot move to " + to.string() + " (" +
                            ec.message() + ")");
    }
}

}  // namespace

RunEntry RunLibrary::read(const std::string& directory, const std::string& root) {
    RunEntry entry;
    entry.directory = directory;
    entry.root = root.empty() ? directory : root;
    entry.folderName = folderName(directory);
    entry.ownName = withoutTimestamp(entry.folderName);
    try {
        entry.record = RunReader::load(directory);
        entry.readable = true;
        const RunConfig& config = entry.record.config;
        if (!config.name.empty()) entry.ownName = config.name;
        entry.error = entry.record.summary.message;
        entry.settings = SettingsDiff::headline(config);
    } catch (const std::exception& error) {
        entry.readable = false;
        entry.error = error.what();
        entry.record = RunRecord{};
        entry.record.summary.status = RunStatus::Incomplete;
        entry.record.summary.trainAcc = entry.record.summary.testAcc = entry.record.summary.gap = NAN;
    }
    entry.displayName = entry.ownName;
    return entry;
}

std::vector<RunEntry> RunLibrary::scan(const std::vector<std::string>& roots) {
    std::vector<RunEntry> entries;
    std::set<std::string> seen;
    auto add = [&](const fs::path& directory, const std::string& root, const std::string& sweep) {
        if (!seen.insert(resolvedPath(directory)).second) return;
        RunEntry entry = read(directory.string(), root);
        entry.sweep = sweep;
        entries.push_back(std::move(entry));
    };
    auto addGroup = [&](const fs::path& group, const std::string& root) {
        const std::string name = folderName(group.string());
        for (const fs::path& child : subfolders(group)) {
            if (looksLikeRun(child)) add(child, root, name);
        }
    };

    for (const std::string& root : roots) {
        std::error_code ec;
        if (root.empty() || !fs::is_directory(root, ec)) continue;
        const fs::path rootPath(root);
        if (looksLikeRun(rootPath)) {
            add(rootPath, root, {});
            continue;
        }
        if (isSweep(rootPath)) {
            addGroup(rootPath, root);
            continue;
        }
        for (const fs::path& child : subfolders(rootPath)) {
            if (looksLikeRun(child)) {
                add(child, root, {});
            } else if (isSweep(child) || holdsRuns(child)) {
                addGroup(child, root);
            }
        }
    }
    std::stable_sort(entries.begin(), entries.end(), &RunLibrary::listedBefore);
    RunNaming::distinguish(entries);
    return entries;
}

bool RunLibrary::listedBefore(const RunEntry& a, const RunEntry& b) {
    if (a.record.info.startedAt.empty() != b.record.info.startedAt.empty()) return b.record.info.startedAt.empty();
    if (a.record.info.startedAt != b.record.info.startedAt) return a.record.info.startedAt > b.record.info.startedAt;
    return a.directory > b.directory;
}

void RunLibrary::rename(const std::string& directory, const std::string& name) {
    const std::string path = (fs::path(directory) / "config.json").string();
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(readWholeFile(path));
    } catch (const nlohmann::json::exception&) {  // not JSON, or a number beyond any double
        throw RunStoreError(path + ": not valid JSON, cannot rename the run");
    }
    if (!config.is_object())
        throw RunStoreError(path + ": not a JSON object, cannot rename the run");
    config["name"] = name;
    writeFileAtomically(path, config.dump(2) + "\n");
}

RunLibrary::TrashedRun RunLibrary::moveToTrash(const std::string& root,
                                               const std::string& directory) {
    const fs::path rootPath = fs::path(resolvedPath(root));
    const fs::path runPath = fs::path(resolvedPath(directory));
    const fs::path relative = runPath.lexically_relative(rootPath);
    if (relative.empty() || relative == "." || *relative.begin() == ".." ||
        *relative.begin() == kTrashFolder) {
        throw RunStoreError(directory + ": not a run inside " + root +
                            " (remove the folder from the library instead)");
    }
    std::error_code ec;
    if (!fs::is_directory(runPath, ec)) throw RunStoreError(directory + ": no such run folder");

    const fs::path trashRoot = rootPath / kTrashFolder;
    fs::create_directories(trashRoot, ec);
    if (ec) throw RunStoreError(trashRoot.string() + ": cannot create (" + ec.message() + ")");
    const std::string stamp = utcNow("%Y%m%d-%H%M%S");
    fs::path slot;
    for (int n = 1;; ++n) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "-%04d", n);
        slot = trashRoot / (stamp + suffix);
        if (fs::create_directory(slot, ec)) break;
        if (ec) throw RunStoreError(slot.string() + ": cannot create (" + ec.message() + ")");
    }
    writeFileAtomically((slot / kOriginFile).string(), relative.generic_string() + "\n");
    TrashedRun trashed{rootPath.string(), runPath.string(), (slot / runPath.filename()).string()};
    moveFolder(runPath, trashed.trashDirectory);
    return trashed;
}

void RunLibrary::restore(const TrashedRun& trashed) {
    std::error_code ec;
    if (fs::exists(trashed.originalDirectory, ec)) {
        throw RunStoreError(trashed.originalDirectory +
                            ": already exists, cannot restore the deleted run there");
    }
    if (!fs::is_directory(trashed.trashDirectory, ec)) {
        throw RunStoreError(trashed.trashDirectory + ": no longer in the trash");
    }
    fs::create_directories(fs::path(trashed.originalDirectory).parent_path(), ec);
    moveFolder(trashed.trashDirectory, trashed.originalDirectory);
    const fs::path slot = fs::path(trashed.trashDirectory).parent_path();
    fs::remove(slot / kOriginFile, ec);
    fs::remove(slot, ec);  // only when empty
}

std::vector<RunLibrary::TrashedRun> RunLibrary::trash(const std::string& root) {
    std::vector<TrashedRun> runs;
    const fs::path rootPath = fs::path(resolvedPath(root));
    std::error_code ec;
    fs::directory_iterator it(rootPath / kTrashFolder, ec);
    if (ec) return runs;
    std::vector<fs::path> slots;
    for (const fs::directory_entry& entry : it) slots.push_back(entry.path());
    std::sort(slots.begin(), slots.end());
    for (const fs::path& slot : slots) {
        std::string relative;
        try {
            relative = readWholeFile((slot / kOriginFile).string());
        } catch (const RunStoreError&) {
            continue;
        }
        while (!relative.empty() && (relative.back() == '\n' || relative.back() == '\r'))
            relative.pop_back();
        const fs::path original = rootPath / relative;
        const fs::path inTrash = slot / original.filename();
        if (fs::is_directory(inTrash, ec))
            runs.push_back({rootPath.string(), original.string(), inTrash.string()});
    }
    return runs;
}

void RunLibrary::emptyTrash(const std::string& root) {
    const fs::path trashRoot = fs::path(root) / kTrashFolder;
    std::error_code ec;
    fs::remove_all(trashRoot, ec);
    if (ec) throw RunStoreError(trashRoot.string() + ": cannot remove (" + ec.message() + ")");
}

}  // namespace shatter
