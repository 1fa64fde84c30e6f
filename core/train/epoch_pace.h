#pragma once

#include <string>

namespace shatter {

// How fast a demonstration's epochs follow each other: as fast as the machine trains, a fixed
// number of epochs per second, or spread over about a target duration. Written as "fast",
// "1/s", "2/s" or "30s" (preset files, the window's settings).
struct EpochPace {
    enum class Kind { Fastest, EpochsPerSecond, Duration };

    Kind kind = Kind::Fastest;
    double value = 0.0;  // epochs per second, or the whole run's seconds

    static EpochPace fastest() { return {}; }
    static EpochPace perSecond(double epochs) { return {Kind::EpochsPerSecond, epochs}; }
    static EpochPace duration(double seconds) { return {Kind::Duration, seconds}; }

    // Reads the written form; throws ConfigError naming `origin` and the forms it accepts.
    static EpochPace parse(const std::string& text, const std::string& origin = "pace");
    // The written form, which parse() reads back.
    std::string key() const;
    // "As fast as possible", "1 epoch per second", "About 30 s" (the whole run).
    std::string title() const;

    // Seconds from one epoch's end to the next for a run of `epochs` epochs; 0: no waiting.
    double epochInterval(int epochs) const;

    bool operator==(const EpochPace&) const = default;
};

}  // namespace shatter
