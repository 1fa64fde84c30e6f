#include "figure/figure_data.h"

#include <cstdio>
#include <sstream>

namespace shatter {

namespace {

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

}  // namespace

std::size_t FigureData::pointCount() const {
    std::size_t count = 0;
    for (const Series& s : series) count += s.x.size();
    return count;
}

std::string FigureData::toCsv() const {
    std::ostringstream out;
    out << "series," << csvField(xLabel) << ',' << csvField(yLabel) << '\n';
    for (const Series& s : series) {
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            out << csvField(s.name) << ',' << number(s.x[i]) << ',' << number(s.y[i]) << '\n';
        }
    }
    return out.str();
}

std::string FigureData::panelsCsv(const std::vector<FigureData>& panels) {
    std::ostringstream out;
    out << "panel,series,x,y\n";
    for (const FigureData& panel : panels) {
        for (const Series& s : panel.series) {
            for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
                out << csvField(panel.title) << ',' << csvField(s.name) << ',' << number(s.x[i]) << ','
                    << number(s.y[i]) << '\n';
            }
        }
    }
    return out.str();
}

}  // namespace shatter
