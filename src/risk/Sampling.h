#pragma once
// Distributions written out here (not <random>'s, whose algorithms differ
// between standard libraries) so that a seed gives the same draws everywhere.
#include "common/CounterRng.h"

namespace tengerim {

// Phi^-1(p) for p in (0, 1): Acklam's rational approximation with one Halley
// step (relative error below 1e-15 in double).
double normal_quantile(double p);
double normal_cdf(double x);
// A standard normal number: the ziggurat (risk/NormalZiggurat.h), exact.
double sample_normal(CounterRng& rng);
// Gamma(shape, 1): Marsaglia and Tsang (2000), with the U^(1/a) boost for a < 1.
double sample_gamma(CounterRng& rng, double shape);
// Beta(alpha, beta) (risk/BetaSampler.h; for many numbers of one shape, use a BetaSampler).
double sample_beta(CounterRng& rng, double alpha, double beta);

}  // namespace tengerim
