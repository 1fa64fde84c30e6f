#include "corruption/corruption_level.h"

#include <charconv>
#include <cmath>

#include "shatter_error.h"

namespace shatter {

double effectiveLevel(CorruptionMode mode, double level) {
    return mode == CorruptionMode::None ? 0.0 : level;
}

int levelPercent(double level) { return static_cast<int>(std::lround(level * 100)); }

std::string formatLevel(double level) { return std::to_string(levelPercent(level)) + "%"; }

std::vector<double> parseLevelList(const std::string& text) {
    auto isSeparator = [](char c) {
        return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    std::vector<double> levels;
    std::size_t position = 0;
    while (position < text.size()) {
        if (isSeparator(text[position])) {
            ++position;
            continue;
        }
        std::size_t end = position;
        while (end < text.size() && !isSeparator(text[end])) ++end;
        const std::string part = text.substr(position, end - position);
        double level = 0.0;
        const char* first = part.data();
        const char* last = part.data() + part.size();
        if (!part.empty() && *first == '+') ++first;
        const auto [stop, error] = std::from_chars(first, last, level);
        if (error != std::errc() || stop != last) {
            throw ConfigError("level '" + part +
                              "' is not a number; write levels like 0, 0.2, 0.5, 1");
        }
        levels.push_back(level);
        position = end;
    }
    return levels;
}

}  // namespace shatter
