#pragma once

#include "figure/figure_data.h"

namespace shatter::test {

// A training-loss figure of three runs over epochs 1..10 (true labels, random labels, Gaussian),
// each in its own palette colour, falling at different rates: for the export and animation tests.
inline FigureData threeRunLossFigure() {
    FigureData figure;
    figure.title = "Training loss";
    figure.xLabel = "epoch";
    figure.yLabel = "cross-entropy";
    figure.integerX = true;
    for (int s = 0; s < 3; ++s) {
        FigureData::Series series;
        series.name = s == 0 ? "true labels" : s == 1 ? "random labels" : "Gaussian";
        series.colour = s;
        for (int e = 1; e <= 10; ++e) {
            series.x.push_back(e);
            series.y.push_back(2.3 / (1 + e * (3 - s) * 0.3));
        }
        figure.series.push_back(series);
    }
    return figure;
}

}  // namespace shatter::test
