#include "train/epoch_pace.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "shatter_error.h"

namespace shatter {

namespace {

// The longest pace accepted: a whole run over a day, or one epoch a minute.
constexpr double kMaxDurationSeconds = 24 * 3600.0;
constexpr double kMinEpochsPerSecond = 1.0 / 60.0;
constexpr double kMaxEpochsPerSecond = 1000.0;

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// A positive number that fills `text` entirely; NaN otherwise.
double positiveNumber(const std::string& text) {
    if (text.empty()) return NAN;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value) || value <= 0.0) return NAN;
    return value;
}

}  // namespace

EpochPace EpochPace::parse(const std::string& text, const std::string& origin) {
    const auto refuse = [&]() {
        return ConfigError(origin + " '" + text +
                           "': use fast, N/s (epochs per second, up to 1000) or Ns (the whole "
                           "run in about N seconds, up to 86400)");
    };
    if (text == "fast") return fastest();
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "/s") == 0) {
        const double rate = positiveNumber(text.substr(0, text.size() - 2));
        if (!(rate >= kMinEpochsPerSecond && rate <= kMaxEpochsPerSecond)) throw refuse();
        return perSecond(rate);
    }
    if (text.size() > 1 && text.back() == 's') {
        const double seconds = positiveNumber(text.substr(0, text.size() - 1));
        if (!(seconds <= kMaxDurationSeconds)) throw refuse();
        return duration(seconds);
    }
    throw refuse();
}

std::string EpochPace::key() const {
    switch (kind) {
        case Kind::Fastest:
            return "fast";
        case Kind::EpochsPerSecond:
            return number(value) + "/s";
        case Kind::Duration:
            return number(value) + "s";
    }
    return "fast";
}

std::string EpochPace::title() const {
    switch (kind) {
        case Kind::Fastest:
            return "As fast as possible";
        case Kind::EpochsPerSecond:
            return number(value) + (value == 1.0 ? " epoch" : " epochs") + " per second";
        case Kind::Duration:
            return "About " + number(value) + " s";
    }
    return {};
}

double EpochPace::epochInterval(int epochs) const {
    switch (kind) {
        case Kind::Fastest:
            return 0.0;
        case Kind::EpochsPerSecond:
            return value > 0.0 ? 1.0 / value : 0.0;
        case Kind::Duration:
            return epochs > 0 && value > 0.0 ? value / epochs : 0.0;
    }
    return 0.0;
}

}  // namespace shatter
