#include <cmath>
#include <cstdio>

#include "cli/commands.h"
#include "run/metric_column.h"
#include "run/run_reader.h"
#include "shatter_error.h"

namespace shatter {

namespace {

std::string cell(double value, const char* format) {
    if (std::isnan(value)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

}  // namespace

int runShowCommand(const std::string& directory) {
    RunRecord record;
    try {
        record = RunReader::load(directory);
    } catch (const ShatterError& error) {
        // A folder that is not a run, or one with a malformed file: bad input, as for `figure`.
        std::fprintf(stderr, "shatter-cli: %s\n", error.what());
        return kExitBadInput;
    }
    const RunConfig& c = record.config;
    const RunInfo& info = record.info;
    std::printf("run        %s\n", record.directory.c_str());
    std::printf("status     %s%s%s\n", toString(record.summary.status).c_str(), record.summary.message.empty() ? "" : ": ",
                record.summary.message.c_str());
    std::printf("dataset    %s (%s): %d training images, %d corrupted, %d test images\n", c.dataset.c_str(),
                info.datasetName.c_str(), info.trainExamples, info.corruptedExamples, info.testExamples);
    std::printf("model      %s, %lld parameters\n", c.model.c_str(), static_cast<long long>(info.parameters));
    if (c.corruption == CorruptionMode::None) std::printf("corruption none (true labels)\n");
    else std::printf("corruption %s, level %g\n", corruptionModeKey(c.corruption).c_str(), c.level);
    std::printf("training   %d epochs, batch %d, lr %g x %g per epoch, momentum %g, weight decay %g, dropout %g%s\n",
                c.epochs, c.batchSize, c.effectiveLearningRate(), c.lrDecay, c.momentum, c.weightDecay, c.dropout,
                c.randomCrop ? ", random crop" : "");
    std::printf("seed       %llu, device %s, LibTorch %s, Shatter %s\n", static_cast<unsigned long long>(c.seed),
                info.device.c_str(), info.libtorchVersion.c_str(), info.shatterVersion.c_str());
    const RunSummary& s = record.summary;
    std::printf("result     %d epochs, train %s, test %s, gap %s, epochs to fit %s, %s samples/s\n\n", s.epochs,
                cell(s.trainAcc, "%.4f").c_str(), cell(s.testAcc, "%.4f").c_str(), cell(s.gap, "%.4f").c_str(),
                s.epochsToFit ? std::to_string(*s.epochsToFit).c_str() : "-",
                cell(s.samplesPerSecond, "%.0f").c_str());

    std::printf("%5s", "epoch");
    for (const MetricColumn& column : MetricColumn::all()) {
        std::printf(" %*s", column.table.width, column.table.heading.c_str());
    }
    std::printf("\n");
    for (const EpochMetrics& m : record.epochs) {
        std::printf("%5d", m.epoch);
        for (const MetricColumn& column : MetricColumn::all()) {
            std::printf(" %*s", column.table.width, column.tableText(m).c_str());
        }
        std::printf("\n");
    }
    return kExitOk;
}

}  // namespace shatter
