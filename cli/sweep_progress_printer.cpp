#include "cli/sweep_progress_printer.h"

#include <cstdio>
#include <utility>

namespace shatter {

SweepProgressPrinter::SweepProgressPrinter(std::function<std::string(const RunConfig&)> nameOf)
    : m_nameOf(std::move(nameOf)) {}

void SweepProgressPrinter::onPointStarted(int index, int count, const RunConfig& point,
                                          const std::string& directory) {
    std::fprintf(stderr, "[%d/%d] %s -> %s\n", index + 1, count, m_nameOf(point).c_str(), directory.c_str());
}

void SweepProgressPrinter::onPointSkipped(int index, int count, const std::string& name) {
    std::fprintf(stderr, "[%d/%d] %s already finished, skipped\n", index + 1, count, name.c_str());
}

}  // namespace shatter
