#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "run/run_entry.h"

namespace shatter {

// The run folders under one or more roots: the GUI's runs folder, folders added by the user
// (runs copied from a GPU server, say), or a single run folder given as a root. Sweep folders
// (holding sweep.json) and other folders of run folders are looked into one level deep.
// Deleting moves a run into ROOT/.trash so it can be restored; only emptyTrash removes files.
class RunLibrary {
public:
    struct TrashedRun {
        std::string root;               // the library root holding the trash
        std::string originalDirectory;  // where the run was
        std::string trashDirectory;     // where it is now
    };

    static constexpr const char* kTrashFolder = ".trash";

    // Never throws: a root that is missing contributes nothing, a malformed run folder is
    // listed as unreadable. Runs appear newest first; a run reachable from two
    // roots is listed once; no two runs have the same displayName (RunNaming).
    static std::vector<RunEntry> scan(const std::vector<std::string>& roots);
    // One run folder; readable false with the reason when it cannot be read.
    static RunEntry read(const std::string& directory, const std::string& root = {});
    // The library's order, newest first: true when `a` is listed before `b`. Runs without a
    // start time come last; ties go by folder, descending.
    static bool listedBefore(const RunEntry& a, const RunEntry& b);

    // Sets the run's display name: "name" in its config.json, replaced atomically; the folder
    // keeps its name. Throws RunStoreError naming the file.
    static void rename(const std::string& directory, const std::string& name);

    // Moves a run folder below `root` into ROOT/.trash. Throws RunStoreError when it cannot.
    static TrashedRun moveToTrash(const std::string& root, const std::string& directory);
    // Puts a trashed run back where it was; throws RunStoreError when that place is taken.
    static void restore(const TrashedRun& trashed);
    // The runs in ROOT/.trash, most recently deleted last.
    static std::vector<TrashedRun> trash(const std::string& root);
    // Removes ROOT/.trash and everything in it.
    static void emptyTrash(const std::string& root);
};

}  // namespace shatter
