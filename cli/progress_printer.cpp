#include "cli/progress_printer.h"

#include <cmath>
#include <string>

namespace shatter {

namespace {

std::string duration(double seconds) {
    const long total = std::lround(std::max(0.0, seconds));
    char buffer[32];
    if (total >= 3600) std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
    return buffer;
}

std::string percent(double fraction) {
    if (std::isnan(fraction)) return "  -  ";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%5.1f", 100.0 * fraction);
    return buffer;
}

}  // namespace

void ProgressPrinter::onLoadingData(const std::string& spec) {
    std::fprintf(m_stream, "loading %s ...\n", spec.c_str());
}

void ProgressPrinter::onStarted(const RunStart& start) {
    m_epochs = start.epochs;
    std::fprintf(m_stream, "%s · %lld parameters · %d training images (%d corrupted) · %d test images\n",
                 start.device.c_str(), static_cast<long long>(start.parameters), start.trainExamples,
                 start.corruptedExamples, start.testExamples);
}

void ProgressPrinter::onEpoch(const EpochReport& report) {
    const EpochMetrics& m = report.metrics;
    const double perEpoch = report.elapsedSeconds / m.epoch;
    std::fprintf(m_stream,
                 "epoch %3d/%d  loss %.4f  train %s%%  clean %s%%  corrupted %s%%  test %s%%  "
                 "%.0f samples/s  elapsed %s  ETA %s\n",
                 m.epoch, m_epochs, m.trainLoss, percent(m.trainAcc).c_str(), percent(m.trainAccClean).c_str(),
                 percent(m.trainAccCorrupted).c_str(), percent(m.testAcc).c_str(), m.samplesPerSecond,
                 duration(report.elapsedSeconds).c_str(), duration(perEpoch * (m_epochs - m.epoch)).c_str());
    std::fflush(m_stream);
}

void ProgressPrinter::onFinished(const RunSummary& summary) {
    std::fprintf(m_stream, "%s after %d epochs: train %s%%, test %s%%%s%s\n", toString(summary.status).c_str(),
                 summary.epochs, percent(summary.trainAcc).c_str(), percent(summary.testAcc).c_str(),
                 summary.message.empty() ? "" : " — ", summary.message.c_str());
    std::fflush(m_stream);
}

}  // namespace shatter
