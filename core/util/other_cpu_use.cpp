#include "util/other_cpu_use.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace shatter {

OtherCpuUse::OtherCpuUse()
    : m_start(std::chrono::steady_clock::now()), m_machineBusy(machineBusySeconds()), m_own(ownCpuSeconds()) {}

double OtherCpuUse::coresSinceStart() const {
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (wall <= 0.0) return 0.0;
    const double others = (machineBusySeconds() - m_machineBusy) - (ownCpuSeconds() - m_own);
    return std::max(0.0, others / wall);
}

double OtherCpuUse::busySeconds(const std::string& procStat, long ticksPerSecond) {
    std::istringstream lines(procStat);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string name;
        fields >> name;
        if (name != "cpu") continue;
        // user nice system idle iowait irq softirq steal
        double value[8] = {};
        for (double& v : value) fields >> v;
        const double busy = value[0] + value[1] + value[2] + value[5] + value[6] + value[7];
        return ticksPerSecond > 0 ? busy / static_cast<double>(ticksPerSecond) : 0.0;
    }
    return 0.0;
}

double OtherCpuUse::machineBusySeconds() {
    std::ifstream in("/proc/stat");
    if (!in) return 0.0;
    std::ostringstream text;
    text << in.rdbuf();
    return busySeconds(text.str(), sysconf(_SC_CLK_TCK));
}

double OtherCpuUse::ownCpuSeconds() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0.0;
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace shatter
