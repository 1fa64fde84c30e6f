#include "slurm/slurm_client.h"

#include "process/process_runner.h"
#include "shatter_error.h"

namespace shatter {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string joined(const std::vector<std::string>& values, char separator) {
    std::string result;
    for (const std::string& value : values) {
        if (!result.empty()) result += separator;
        result += value;
    }
    return result;
}

// The command's own message when it ran and failed, or why it could not run.
std::string failure(const std::string& command, const ProcessResult& result) {
    if (!result.started)
        return command + " could not be run: " + result.error +
               " (is Slurm installed and on PATH?)";
    const std::string message =
        trimmed(result.err).empty() ? trimmed(result.out) : trimmed(result.err);
    return command + " failed (exit " + std::to_string(result.exitCode) + "): " + message;
}

}  // namespace

std::string SlurmClient::parseJobId(const std::string& sbatchOutput) {
    std::string line = trimmed(sbatchOutput);
    if (const auto newline = line.rfind('\n'); newline != std::string::npos)
        line = line.substr(newline + 1);
    line = line.substr(0, line.find(';'));
    if (line.empty() || line.find_first_not_of("0123456789") != std::string::npos) {
        throw SchedulerError("sbatch printed no job id: " + trimmed(sbatchOutput));
    }
    return line;
}

std::string SlurmClient::submit(const std::vector<std::string>& sbatchArguments) {
    const ProcessResult result = ProcessRunner::run(sbatchArguments);
    if (!result.succeeded()) throw SchedulerError(failure("sbatch", result));
    return parseJobId(result.out);
}

SlurmQueue SlurmClient::query(const std::vector<std::string>& jobIds) {
    SlurmQueue queue;
    if (jobIds.empty()) return queue;
    const ProcessResult squeue =
        ProcessRunner::run({"squeue", "-h", "-r", "-j", joined(jobIds, ','), "-o", "%i %T"});
    // squeue fails for ids the controller has forgotten entirely; that is an answer, not an error.
    if (!squeue.started) throw SchedulerError(failure("squeue", squeue));
    if (squeue.exitCode == 0)
        queue.addSqueueOutput(squeue.out);
    else if (squeue.err.find("Invalid job id") == std::string::npos)
        throw SchedulerError(failure("squeue", squeue));
    for (const std::string& id : jobIds) {
        const ProcessResult scontrol = ProcessRunner::run({"scontrol", "-o", "show", "job", id});
        if (scontrol.exitCode == 0) queue.addScontrolOutput(scontrol.out);
    }
    return queue;
}

void SlurmClient::cancel(const std::vector<std::string>& jobIds) {
    if (jobIds.empty()) return;
    std::vector<std::string> arguments = {"scancel"};
    arguments.insert(arguments.end(), jobIds.begin(), jobIds.end());
    const ProcessResult result = ProcessRunner::run(arguments);
    if (!result.succeeded()) throw SchedulerError(failure("scancel", result));
}

}  // namespace shatter
