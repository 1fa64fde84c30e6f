#pragma once

#include <chrono>
#include <string>

namespace shatter {

// How many cores other processes kept busy over an interval, on average: the machine's busy time
// (/proc/stat) less this process's own CPU time. A measurement taken while other work ran
// compares settings under that work, not as they will run later.
class OtherCpuUse {
public:
    OtherCpuUse();  // starts the interval
    // Average cores used by other processes since construction; 0 where /proc/stat is missing.
    double coresSinceStart() const;

    // The busy seconds summed over all cores in the "cpu" line of a /proc/stat text (user, nice,
    // system, irq, softirq, steal; idle and iowait left out), at `ticksPerSecond`.
    static double busySeconds(const std::string& procStat, long ticksPerSecond);

private:
    static double machineBusySeconds();
    static double ownCpuSeconds();

    std::chrono::steady_clock::time_point m_start;
    double m_machineBusy = 0.0;
    double m_own = 0.0;
};

}  // namespace shatter
