#include "slurm/slurm_queue.h"

#include <charconv>
#include <sstream>
#include <vector>

namespace shatter {

namespace {

std::optional<int> parseIndex(const std::string& text) {
    int value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || ptr != end) return std::nullopt;
    return value;
}

// "0-5%2", "1,3-4", "7": every index named (ranges expanded, the %throttle dropped).
std::vector<int> expandTaskIds(std::string spec) {
    std::vector<int> indices;
    if (const auto percent = spec.find('%'); percent != std::string::npos) spec.resize(percent);
    std::stringstream parts(spec);
    std::string part;
    while (std::getline(parts, part, ',')) {
        const auto dash = part.find('-');
        const std::optional<int> first = parseIndex(part.substr(0, dash));
        const std::optional<int> last =
            dash == std::string::npos ? first : parseIndex(part.substr(dash + 1));
        if (!first || !last) continue;
        for (int i = *first; i <= *last; ++i) indices.push_back(i);
    }
    return indices;
}

}  // namespace

void SlurmQueue::setState(const std::string& jobId, int index, const std::string& state) {
    m_jobs.insert(jobId);
    m_states[{jobId, index}] = state;
}

void SlurmQueue::addSqueueOutput(const std::string& text) {
    std::stringstream lines(text);
    std::string task;
    std::string state;
    while (lines >> task >> state) {
        // "123_4" (an array task) or "123_[5-9%2]" (tasks not yet split off, without -r)
        const auto underscore = task.find('_');
        if (underscore == std::string::npos) continue;
        std::string ids = task.substr(underscore + 1);
        if (!ids.empty() && ids.front() == '[') ids = ids.substr(1, ids.size() - 2);
        for (int index : expandTaskIds(ids)) setState(task.substr(0, underscore), index, state);
    }
}

void SlurmQueue::addScontrolOutput(const std::string& text) {
    std::stringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::string jobId;
        std::string taskIds;
        std::string state;
        std::stringstream fields(line);
        std::string field;
        while (fields >> field) {
            const auto equals = field.find('=');
            if (equals == std::string::npos) continue;
            const std::string key = field.substr(0, equals);
            const std::string value = field.substr(equals + 1);
            if (key == "ArrayJobId")
                jobId = value;
            else if (key == "ArrayTaskId")
                taskIds = value;
            else if (key == "JobState")
                state = value;
        }
        if (jobId.empty() || taskIds.empty() || state.empty()) continue;
        for (int index : expandTaskIds(taskIds)) {
            // squeue's answer, read first, is the more current one.
            if (!m_states.count({jobId, index})) setState(jobId, index, state);
        }
        m_jobs.insert(jobId);
    }
}

std::optional<std::string> SlurmQueue::taskState(const std::string& jobId, int index) const {
    const auto found = m_states.find({jobId, index});
    if (found == m_states.end()) return std::nullopt;
    return found->second;
}

bool SlurmQueue::knowsJob(const std::string& jobId) const { return m_jobs.count(jobId) > 0; }

bool SlurmQueue::isQueued(const std::string& state) {
    return state == "PENDING" || state == "REQUEUED" || state == "REQUEUE_HOLD" ||
           state == "REQUEUE_FED" || state == "RESV_DEL_HOLD" || state == "SUSPENDED";
}

bool SlurmQueue::isActive(const std::string& state) {
    return state == "RUNNING" || state == "CONFIGURING" || state == "COMPLETING" ||
           state == "SIGNALING" || state == "STAGE_OUT" || state == "RESIZING" ||
           state == "STOPPED";
}

}  // namespace shatter
