#pragma once

#include <cstdint>
#include <vector>

namespace shatter {

// The depth-2 ReLU network of docs/PAPER.md §6 fitted to one training set, with what a report
// and a drawing of the construction need. Points are listed in the order of their projections.
struct ExpressivityResult {
    std::int64_t n = 0;  // training points
    std::int64_t d = 0;  // input dimension
    int classes = 0;     // outputs (one per class)
    // The theorem's count for one output: a (d) + biases b (n) + output weights w (n) = 2n + d.
    std::int64_t weightsPerOutput = 0;
    // What this network holds with one output per class: a and the biases are shared by every
    // output, each output has its own n weights, so d + n + k*n.
    std::int64_t totalWeights = 0;
    double trainAcc = 0.0;     // against the assigned (possibly random) labels: 1 by construction
    double testAcc = 0.0;      // against the true test labels
    double minGap = 0.0;       // smallest distance between neighbouring sorted projections
    double maxResidual = 0.0;  // largest |c(x_i) - y_i| over points and outputs (round-off only)
    double seconds = 0.0;      // projection, solve and both evaluations
    std::int64_t bytesNeeded = 0;  // estimated peak of the computation, checked before it started

    // For drawing: the projections <a, x_i> sorted ascending, the assigned label of each, its
    // index in the training set, and the biases b_j interleaved with them (b_j < x_j).
    std::vector<double> projections;
    std::vector<int> labels;
    std::vector<std::int64_t> trainIndex;
    std::vector<double> biases;
    // weights[c][j]: output c's weight on the unit max(<a,x> - b_j, 0).
    std::vector<std::vector<double>> weights;
    // valuesAtPoints[c][i]: output c at projections[i] (the one-hot target, up to round-off).
    std::vector<std::vector<double>> valuesAtPoints;
    // The test points on the same line, with their true labels.
    std::vector<double> testProjections;
    std::vector<int> testLabels;

    // Output `output` of the network at projection t; piecewise linear in t with kinks at the
    // biases, so a view can draw it anywhere along the line.
    double valueAt(double t, int output) const {
        double value = 0.0;
        const std::vector<double>& w = weights[static_cast<std::size_t>(output)];
        for (std::size_t j = 0; j < biases.size() && biases[j] < t; ++j)
            value += w[j] * (t - biases[j]);
        return value;
    }
};

}  // namespace shatter
