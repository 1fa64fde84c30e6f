#pragma once

#include <string>
#include <vector>

#include "corruption/corruption_mode.h"

namespace shatter {

// The rules of a corruption level (the fraction of examples or pixels a mode corrupts), each
// written once.

// The level a run actually uses: a run without corruption has level 0, whatever its level
// setting says (the setting is kept so that switching the mode back restores it).
double effectiveLevel(CorruptionMode mode, double level);

// 0.5 -> 50: the level as a whole percentage, as run folder names and labels show it.
int levelPercent(double level);
// 0.5 -> "50%"
std::string formatLevel(double level);

// "0, 0.2; 0.5 1" -> {0, 0.2, 0.5, 1}: levels separated by commas, semicolons or spaces, with
// '.' as the decimal point in every locale. Throws ConfigError naming a part that is not a
// number; the range is SweepPlan::validate's to check.
std::vector<double> parseLevelList(const std::string& text);

}  // namespace shatter
