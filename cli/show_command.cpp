#include <cmath>
#include <cstdio>

#include "cli/commands.h"
#include "run/metric_column.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "theory/theory_record.h"

namespace shatter {

namespace {

std::string cell(double value, const char* format) {
    if (std::isnan(value)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// A theory run (shatter-cli expressivity / kernel) has no network and no epochs: its method and
// results instead of the training settings and the per-epoch table.
void printTheoryRun(const RunRecord& record) {
    const std::optional<TheoryRecord> theory = TheoryRecord::load(record.directory);
    if (!theory) {
        std::printf("method     %s (no results)\n", record.info.kind.c_str());
        return;
    }
    const TheoryRecord& t = *theory;
    if (t.kind == TheoryRecord::kKernel) {
        std::printf("method     %s kernel interpolation, bandwidth %s%s, ridge %g\n", t.kernel.c_str(),
                    cell(t.bandwidth, "%.4g").c_str(), t.bandwidthFromMedian ? " (median distance)" : "",
                    t.ridge);
    } else {
        std::printf("method     2n+d ReLU network: %lld weights per output, %lld in all, min gap %s\n",
                    static_cast<long long>(t.weightsPerOutput), static_cast<long long>(t.totalWeights),
                    cell(t.minGap, "%.3g").c_str());
    }
    std::printf("result     n %lld, d %lld, train %s, test %s, norm %s, largest residual %s, %s s\n",
                static_cast<long long>(t.n), static_cast<long long>(t.d), cell(t.trainAcc, "%.4f").c_str(),
                cell(t.testAcc, "%.4f").c_str(), cell(t.rkhsNorm, "%.4g").c_str(),
                cell(t.maxResidual, "%.2g").c_str(), cell(t.seconds, "%.2f").c_str());
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
    if (info.kind != "training") {
        std::printf("corruption %s, level %g\n", corruptionModeKey(c.corruption).c_str(),
                    c.corruption == CorruptionMode::None ? 0.0 : c.level);
        std::printf("seed       %llu, device %s, LibTorch %s, Shatter %s\n",
                    static_cast<unsigned long long>(c.seed), info.device.c_str(),
                    info.libtorchVersion.c_str(), info.shatterVersion.c_str());
        printTheoryRun(record);
        return kExitOk;
    }
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
