#pragma once

#include <vector>

#include "theory/expressivity_result.h"

namespace shatter {

// One output of the 2n+d network sampled for drawing over [from, to]: the two ends, every kink
// b_j and every training projection inside, so that straight lines between the samples are the
// function exactly, at any zoom. One pass over the units, however many samples.
struct ExpressivityCurve {
    std::vector<double> t;
    std::vector<double> value;

    static ExpressivityCurve sample(const ExpressivityResult& network, int output, double from,
                                    double to);
    // The kinks b_j inside [from, to].
    static int kinksWithin(const ExpressivityResult& network, double from, double to);
};

}  // namespace shatter
