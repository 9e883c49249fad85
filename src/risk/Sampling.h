#pragma once
// Distributions written out here (not <random>'s, whose algorithms differ
// between standard libraries) so that a seed gives the same draws everywhere.
#include "risk/CounterRng.h"

namespace tengerim {

// Phi^-1(p) for p in (0, 1): Acklam's rational approximation with one Halley
// step (relative error below 1e-15 in double).
double normal_quantile(double p);
double normal_cdf(double x);
// u < Phi(x), the same answer as comparing with normal_cdf(x), but erfc runs
// only when u falls within a grid step (1/64) of Phi(x), about 1 call in 100.
bool uniform_below_normal_cdf(double u, double x);
// Phi^-1 of a uniform by Acklam's approximation alone (relative error 1.2e-9, ample for sampling).
double sample_normal(CounterRng& rng);
// Gamma(shape, 1): Marsaglia and Tsang (2000), with the U^(1/a) boost for a < 1.
double sample_gamma(CounterRng& rng, double shape);
// Beta(alpha, beta): an order statistic of uniforms for whole shapes with
// alpha + beta <= 17, else the ratio of two Gammas.
double sample_beta(CounterRng& rng, double alpha, double beta);

}  // namespace tengerim
