#pragma once

#include <QString>
#include <cstdint>

namespace shatter {

// Numbers as the Theory tab shows them.
namespace theory_format {

// "98.4%", "–" for NaN.
QString percent(double fraction);
// "64.0 MB", in powers of 1000 like MemoryBudget::format, small sizes readable too.
QString bytes(std::int64_t value);
// "needs 64.0 MB of memory (limit 14.8 GB)".
QString memory(std::int64_t needed, std::int64_t limit);
// Grouped digits: "22,784".
QString count(std::int64_t value);
// Three significant digits, scientific when small or large: "3.21e-04", "12.5".
QString number(double value);

}  // namespace theory_format

}  // namespace shatter
