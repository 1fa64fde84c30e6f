#include "slurm/sbatch_script.h"

#include <algorithm>
#include <filesystem>

#include "shatter_error.h"
#include "util/atomic_file.h"

namespace shatter {

namespace fs = std::filesystem;

std::string SbatchScript::shellQuote(const std::string& value) {
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

std::string SbatchScript::text(const std::string& shatterCli, const std::string& sweepDirectory) {
    return "#!/bin/sh\n"
           "# One task of a Shatter sweep: trains the point whose index is the array task id into\n"
           "# its own run folder of the sweep. Written by shatter-cli sweep --executor slurm.\n"
           "exec " +
           shellQuote(shatterCli) + " sweep-point " + shellQuote(sweepDirectory) +
           " --index \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-0}\"\n";
}

std::string SbatchScript::write(const std::string& shatterCli, const std::string& sweepDirectory) {
    const std::string path = (fs::path(sweepDirectory) / kFileName).string();
    writeFileAtomically(path, text(shatterCli, sweepDirectory));
    std::error_code ec;
    fs::permissions(path,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                        fs::perms::others_read | fs::perms::others_exec,
                    ec);
    if (ec) throw RunStoreError(path + ": cannot make it executable (" + ec.message() + ")");
    fs::create_directories(fs::path(sweepDirectory) / kLogFolder, ec);
    if (ec)
        throw RunStoreError(sweepDirectory + "/" + kLogFolder + ": cannot create (" + ec.message() +
                            ")");
    return path;
}

std::string SbatchScript::arraySpec(std::vector<int> indices, int maxParallel) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::string spec;
    for (std::size_t i = 0; i < indices.size();) {
        std::size_t j = i;
        while (j + 1 < indices.size() && indices[j + 1] == indices[j] + 1) ++j;
        if (!spec.empty()) spec += ",";
        spec += std::to_string(indices[i]);
        if (j > i) spec += "-" + std::to_string(indices[j]);
        i = j + 1;
    }
    if (maxParallel > 0) spec += "%" + std::to_string(maxParallel);
    return spec;
}

std::vector<std::string> SbatchScript::sbatchArguments(const SlurmOptions& options,
                                                       const std::vector<int>& indices,
                                                       const std::string& sweepDirectory,
                                                       const std::string& scriptPath) {
    const fs::path sweep(sweepDirectory);
    std::vector<std::string> arguments = {
        "sbatch",
        "--parsable",
        "--array=" + arraySpec(indices, options.maxParallel),
        "--job-name=shatter-" + sweep.filename().string(),
        "--output=" + (sweep / kLogFolder / "%A_%a.out").string(),
        "--chdir=" + sweepDirectory,
    };
    if (!options.partition.empty()) arguments.push_back("--partition=" + options.partition);
    if (!options.timeLimit.empty()) arguments.push_back("--time=" + options.timeLimit);
    if (options.cpusPerTask > 0)
        arguments.push_back("--cpus-per-task=" + std::to_string(options.cpusPerTask));
    if (!options.gres.empty()) arguments.push_back("--gres=" + options.gres);
    arguments.insert(arguments.end(), options.extraArguments.begin(), options.extraArguments.end());
    arguments.push_back(scriptPath);
    return arguments;
}

}  // namespace shatter
