#include "run/metrics_csv.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "shatter_error.h"

namespace shatter {

namespace {

constexpr int kColumns = 12;

std::string number(double value) {
    if (std::isnan(value)) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream stream(line);
    while (std::getline(stream, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

}  // namespace

const std::string& MetricsCsv::header() {
    static const std::string text =
        "epoch,train_loss,train_acc,train_acc_clean,train_acc_corrupted,corrupted_predicted_true,"
        "test_loss,test_acc,gap,lr,epoch_seconds,samples_per_second";
    return text;
}

std::string MetricsCsv::formatRow(const EpochMetrics& m) {
    std::string row = std::to_string(m.epoch);
    for (double value : {m.trainLoss, m.trainAcc, m.trainAccClean, m.trainAccCorrupted,
                         m.corruptedPredictedTrue, m.testLoss, m.testAcc, m.gap, m.lr, m.epochSeconds,
                         m.samplesPerSecond}) {
        row += ',' + number(value);
    }
    return row;
}

std::vector<EpochMetrics> MetricsCsv::parse(const std::string& text, const std::string& origin) {
    std::vector<EpochMetrics> rows;
    std::size_t lineStart = 0;
    int lineNumber = 0;
    while (lineStart < text.size()) {
        const std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos) break;  // unfinished last line: the write was cut short
        std::string line = text.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (lineNumber == 1) {
            if (line != header()) throw RunStoreError(origin + ": unexpected header line");
            continue;
        }
        if (line.empty()) continue;
        const std::vector<std::string> fields = splitFields(line);
        if (static_cast<int>(fields.size()) != kColumns) {
            throw RunStoreError(origin + ": line " + std::to_string(lineNumber) + " has " +
                                std::to_string(fields.size()) + " fields, expected " +
                                std::to_string(kColumns));
        }
        double values[kColumns];
        for (int c = 0; c < kColumns; ++c) {
            const std::string& field = fields[static_cast<std::size_t>(c)];
            if (field.empty()) {
                values[c] = NAN;
                continue;
            }
            char* end = nullptr;
            values[c] = std::strtod(field.c_str(), &end);
            if (end == field.c_str() || *end != '\0') {
                throw RunStoreError(origin + ": line " + std::to_string(lineNumber) + ": '" + field +
                                    "' is not a number");
            }
        }
        EpochMetrics m;
        m.epoch = static_cast<int>(values[0]);
        m.trainLoss = values[1];
        m.trainAcc = values[2];
        m.trainAccClean = values[3];
        m.trainAccCorrupted = values[4];
        m.corruptedPredictedTrue = values[5];
        m.testLoss = values[6];
        m.testAcc = values[7];
        m.gap = values[8];
        m.lr = values[9];
        m.epochSeconds = values[10];
        m.samplesPerSecond = values[11];
        rows.push_back(m);
    }
    return rows;
}

}  // namespace shatter
