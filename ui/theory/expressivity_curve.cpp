#include "theory/expressivity_curve.h"

#include <algorithm>

namespace shatter {

ExpressivityCurve ExpressivityCurve::sample(const ExpressivityResult& network, int output,
                                            double from, double to) {
    ExpressivityCurve curve;
    if (output < 0 || output >= int(network.weights.size()) || !(from < to)) return curve;
    const std::vector<double>& b = network.biases;
    const std::vector<double>& w = network.weights[std::size_t(output)];

    // Kinks and projections inside the range, in order (b_1 < x_1 < b_2 < x_2 < ...).
    std::vector<double> points;
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (b[j] > from && b[j] < to) points.push_back(b[j]);
        const double x = network.projections[j];
        if (x > from && x < to) points.push_back(x);
    }
    std::sort(points.begin(), points.end());
    points.push_back(to);

    // value(t) = sum over b_j < t of w_j (t - b_j): start at `from`, then follow the slope,
    // which grows by w_j on passing b_j.
    double slope = 0.0;
    std::size_t next = 0;  // the first unit not passed yet
    while (next < b.size() && b[next] < from) slope += w[next++];
    double t = from;
    double value = network.valueAt(from, output);
    curve.t.push_back(t);
    curve.value.push_back(value);
    for (double point : points) {
        value += slope * (point - t);
        t = point;
        curve.t.push_back(t);
        curve.value.push_back(value);
        while (next < b.size() && b[next] <= t) slope += w[next++];
    }
    return curve;
}

int ExpressivityCurve::kinksWithin(const ExpressivityResult& network, double from, double to) {
    const auto& b = network.biases;
    return int(std::upper_bound(b.begin(), b.end(), to) -
               std::lower_bound(b.begin(), b.end(), from));
}

}  // namespace shatter
