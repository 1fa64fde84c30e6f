#include "run/metrics_csv.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "run/metric_column.h"
#include "shatter_error.h"

namespace shatter {

namespace {

std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream stream(line);
    while (std::getline(stream, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

constexpr int kMaxEpoch = 100000;  // RunConfig::kMaxEpochs

// The catalog column of each header field after "epoch"; throws for a header that is not
// "epoch" followed by known, distinct metric keys.
std::vector<const MetricColumn*> columnsOfHeader(const std::string& line, const std::string& origin) {
    const std::vector<std::string> names = splitFields(line);
    if (names.empty() || names.front() != "epoch") {
        throw RunStoreError(origin + ": unexpected header line (it must start with \"epoch\")");
    }
    std::vector<const MetricColumn*> columns;
    for (std::size_t i = 1; i < names.size(); ++i) {
        const MetricColumn* column = MetricColumn::find(names[i]);
        if (column == nullptr) throw RunStoreError(origin + ": unknown column \"" + names[i] + "\" in the header");
        if (std::find(columns.begin(), columns.end(), column) != columns.end()) {
            throw RunStoreError(origin + ": column \"" + names[i] + "\" appears twice in the header");
        }
        columns.push_back(column);
    }
    return columns;
}

}  // namespace

const std::string& MetricsCsv::header() {
    static const std::string text = [] {
        std::string line = "epoch";
        for (const MetricColumn& column : MetricColumn::all()) line += ',' + column.key;
        return line;
    }();
    return text;
}

std::string MetricsCsv::formatRow(const EpochMetrics& metrics) {
    std::string row = std::to_string(metrics.epoch);
    for (const MetricColumn& column : MetricColumn::all()) row += ',' + column.csvField(metrics);
    return row;
}

std::vector<EpochMetrics> MetricsCsv::parse(const std::string& text, const std::string& origin, bool* cutShort) {
    if (cutShort != nullptr) *cutShort = false;
    if (text.empty()) throw RunStoreError(origin + ": empty, expected at least the header line");
    // Columns are matched by name, so a file written before a metric joined the catalog still
    // reads (that metric is NaN in it); a column the catalog does not know is an error.
    std::vector<const MetricColumn*> columns;  // per field after "epoch"
    std::vector<EpochMetrics> rows;
    std::size_t lineStart = 0;
    int lineNumber = 0;
    while (lineStart < text.size()) {
        const std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos) {
            // An unfinished last line: a write cut short by a crash. Ignored while the run may
            // still be going; the caller decides what it means for an ended run.
            if (cutShort != nullptr) *cutShort = true;
            break;
        }
        std::string line = text.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (lineNumber == 1) {
            columns = columnsOfHeader(line, origin);
            continue;
        }
        if (line.empty()) continue;
        const std::vector<std::string> fields = splitFields(line);
        if (fields.size() != columns.size() + 1) {
            throw RunStoreError(origin + ": line " + std::to_string(lineNumber) + " has " +
                                std::to_string(fields.size()) + " fields, expected " +
                                std::to_string(columns.size() + 1));
        }
        std::vector<double> values(fields.size());
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const std::string& field = fields[c];
            if (field.empty()) {
                values[c] = NAN;
                continue;
            }
            char* end = nullptr;
            values[c] = std::strtod(field.c_str(), &end);
            if (end == field.c_str() || *end != '\0') {
                throw RunStoreError(origin + ": line " + std::to_string(lineNumber) + ": '" +
                                    field + "' is not a number");
            }
        }
        // The epoch is a whole number within the range a run can have; anything else would
        // wrap on its way into an int.
        if (!(values[0] >= 1 && values[0] <= kMaxEpoch && values[0] == std::floor(values[0]))) {
            throw RunStoreError(origin + ": line " + std::to_string(lineNumber) + ": epoch '" + fields[0] +
                                "' is not a whole number from 1 to " + std::to_string(kMaxEpoch));
        }
        EpochMetrics metrics;
        metrics.epoch = static_cast<int>(values[0]);
        for (std::size_t c = 0; c < columns.size(); ++c) columns[c]->setValue(metrics, values[c + 1]);
        rows.push_back(metrics);
    }
    return rows;
}

}  // namespace shatter
