#include "paper/paper_comparison.h"

#include <cstdio>
#include <filesystem>

namespace shatter {

namespace {

bool endedNormally(const RunRecord& run) { return run.summary.status == RunStatus::Finished; }

std::string cellText(const std::optional<PaperCell>& cell, const PaperRow& row) {
    if (!cell) return "";
    char text[160];
    std::snprintf(text, sizeof text, "%6.2f %6.2f %+6.2f %4d", cell->trainAcc, cell->testAcc,
                  cell->testAcc - row.paperTest, cell->epochs);
    return text;
}

}  // namespace

PaperCell PaperComparison::cellOf(const RunRecord& run) {
    PaperCell cell;
    cell.directory = run.directory;
    cell.trainAcc = 100.0 * run.summary.trainAcc;
    cell.testAcc = 100.0 * run.summary.testAcc;
    cell.epochs = static_cast<int>(run.epochs.size());
    cell.configuredEpochs = run.config.epochs;
    cell.trainSize = run.config.trainSize;
    cell.status = run.summary.status;
    const bool fullData = run.config.trainSize == 0 && run.config.testSize == 0;
    cell.fullScale = fullData && endedNormally(run);
    if (!fullData) {
        cell.scaleNote = "subset of " + std::to_string(run.config.trainSize) + " training images";
    }
    if (!endedNormally(run)) {
        if (!cell.scaleNote.empty()) cell.scaleNote += ", ";
        cell.scaleNote += toString(run.summary.status) + ", " + std::to_string(cell.epochs) +
                          " of " + std::to_string(cell.configuredEpochs) + " epochs";
    }
    return cell;
}

std::vector<PaperComparisonRow> PaperComparison::compare(const std::vector<RunRecord>& runs) {
    std::vector<PaperComparisonRow> table;
    for (const PaperRow& row : PaperTable::rows())
        table.push_back({&row, std::nullopt, std::nullopt});
    for (const RunRecord& run : runs) {
        const PaperRow* row = PaperTable::rowFor(run.config);
        if (row == nullptr || run.epochs.empty()) continue;
        PaperComparisonRow& entry =
            table[static_cast<std::size_t>(row - PaperTable::rows().data())];
        const PaperCell cell = cellOf(run);
        std::optional<PaperCell>& slot = cell.fullScale ? entry.full : entry.partial;
        // The newest run wins: run folders start with their UTC start time.
        const auto name = [](const std::string& directory) {
            return std::filesystem::path(directory).filename().string();
        };
        if (!slot || name(cell.directory) > name(slot->directory)) slot = cell;
    }
    return table;
}

std::string PaperComparison::format(const std::vector<PaperComparisonRow>& rows) {
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "%-52s %4s %3s | %6s %6s | %6s %6s %6s %4s | %s\n",
                  "Table 1 row", "crop", "wd", "paper", "paper", "train", "test", "d_test", "ep",
                  "run");
    out += line;
    std::snprintf(line, sizeof line, "%-52s %4s %3s | %6s %6s |\n", "", "", "", "train", "test");
    out += line;
    for (const PaperComparisonRow& entry : rows) {
        const PaperRow& row = *entry.row;
        const auto head = [&](const std::string& title) {
            std::snprintf(line, sizeof line, "%-52s %4s %3s | %6.2f %6.2f | ", title.c_str(),
                          row.randomCrop ? "yes" : "no", row.weightDecay ? "yes" : "no",
                          row.paperTrain, row.paperTest);
            return std::string(line);
        };
        const std::string title = row.title + " [" + row.key + "]";
        if (entry.full) {
            out += head(title) + cellText(entry.full, row) + " | " +
                   std::filesystem::path(entry.full->directory).filename().string() + "\n";
        } else {
            out += head(title) + std::string(27, ' ') + " | missing\n";
        }
        if (entry.partial) {
            out += head("  not full scale") + cellText(entry.partial, row) + " | " +
                   std::filesystem::path(entry.partial->directory).filename().string() + " (" +
                   entry.partial->scaleNote + ")\n";
        }
    }
    return out;
}

}  // namespace shatter
