#pragma once
// Monte Carlo draws (one year each) of a scenario's shocks, docs/model.md §4.
// Shock k occurs when its Gaussian-copula variable
//   Z_k = sum_j b_kj F_j + s_k e_k,  s_k = sqrt(1 - sum_j b_kj^2),
// falls below Phi^-1(p_k), with the common factors F_j and e_k standard normal.
// Given F that is e_k < (Phi^-1(p_k) - b_k.F) / s_k, so a uniform U_k below p_k
// (no loadings) or below Phi of that bound decides it: one uniform per shock
// instead of a normal, and Phi from a table (NormalCdfGrid.h) once per distinct
// (probability, loadings). Its cut is then drawn from its Beta severity, and
// its loss read from its table over the cut.
//
// Draw i's numbers depend on (seed, i) alone: one key per draw, whose counter
// streams (slots) are 0: the factors (ziggurat), 1: the occurrence uniforms,
// two per number (32 random bits each: P(U < p) is then p within 2^-33, far
// below any Monte Carlo error at feasible draw counts), 2 + k: shock k's cut.
// So a draw gets the same numbers on any thread and can be re-run alone, and
// a block of draws can decide every occurrence first and then draw the cuts
// shock by shock (few unpredictable branches), with the same results.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "risk/BetaSampler.h"
#include "common/CounterRng.h"
#include "risk/NormalCdfGrid.h"
#include "risk/NormalZiggurat.h"

namespace tengerim {

struct SampledShock {
  static constexpr size_t kGrid = 20;  // loss tables over the cut 0, 0.05, ..., 1
  using Table = std::array<double, kGrid + 1>;

  double probability = 0;               // p, yearly
  std::vector<double> loadings;         // b_kj, per factor
  std::optional<BetaSampler> severity;  // the cut's distribution; none: the fixed `cut`
  double cut = 0;
  size_t part = 0;                      // index of the direction its loss is charged to
  Table total{};                        // weighted propagated loss at each grid cut
  Table direct{};                       // weighted direct loss at each grid cut

  // A table's value at `cut`, linear between grid points.
  static double at(const Table& table, double cut) {
    const double x = std::clamp(cut, 0.0, 1.0) * static_cast<double>(kGrid);
    const size_t low = std::min(static_cast<size_t>(x), kGrid - 1);
    const double t = x - static_cast<double>(low);
    return table[low] * (1 - t) + table[low + 1] * t;
  }
};

class DrawSampler {
 public:
  static constexpr size_t kBlock = 4096;  // draws per run_block at most

  DrawSampler(std::vector<SampledShock> shocks, size_t factors, uint64_t seed);

  size_t shocks() const { return shocks_.size(); }

  // A thread's working space; prepare() sizes it for this sampler.
  struct Scratch {
    std::vector<double> factor;
    std::vector<double> bound;                       // per condition: the bound on e_k given F
    std::vector<NormalCdfGrid::Bracket> bracket;     // per condition, then p for each unloaded shock
    std::vector<uint64_t> key;                       // per draw of the block
    std::vector<uint32_t> hits;                      // shock k's row: the block's draws where k occurs
    std::vector<size_t> hit_count;                   // per shock
  };
  void prepare(Scratch& scratch) const;

  // Draws first, ..., first + count - 1 (count <= kBlock): total[r] is draw
  // first + r's total loss; on_loss(k, shock, r, loss, cut) for each shock k
  // that occurs in it, shock by shock.
  template <class OnLoss>
  void run_block(uint64_t first, size_t count, Scratch& scratch, double* total, OnLoss&& on_loss) const {
    decide(first, nullptr, count, scratch);
    draw_cuts(count, scratch, total, on_loss);
  }

  // The same for the draws draws[0], ..., draws[count - 1] (any count, any order):
  // each gets the same numbers and the same total (losses added in shock order) as in a block.
  template <class OnLoss>
  void run_draws(const size_t* draws, size_t count, Scratch& scratch, double* total, OnLoss&& on_loss) const {
    for (size_t done = 0; done < count; done += kBlock) {
      const size_t size = std::min(kBlock, count - done);
      decide(0, draws + done, size, scratch);
      draw_cuts(size, scratch, total + done, [&](size_t k, const SampledShock& shock, size_t r, double loss, double cut) {
        on_loss(k, shock, done + r, loss, cut);
      });
    }
  }

 private:
  // Which shocks occur in draws first, ..., first + count - 1 (or draws[0], ...,
  // draws[count - 1] when `draws` is given): their keys, hits and hit counts.
  void decide(uint64_t first, const size_t* draws, size_t count, Scratch& scratch) const;
  // The cuts and losses of the shocks that occur, shock by shock: total[r] is draw r's total.
  template <class OnLoss>
  void draw_cuts(size_t count, Scratch& scratch, double* total, OnLoss&& on_loss) const {
    std::fill(total, total + count, 0.0);
    for (size_t k = 0; k < shocks_.size(); ++k) {
      const SampledShock& shock = shocks_[k];
      const uint32_t* hits = scratch.hits.data() + k * kBlock;
      for (size_t e = 0; e < scratch.hit_count[k]; ++e) {
        const size_t r = hits[e];
        const double cut = cut_of(k, scratch.key[r]);
        const double loss = SampledShock::at(shock.total, cut);
        total[r] += loss;
        on_loss(k, shock, r, loss, cut);
      }
    }
  }
  // The factors of the draw with `key` and, per condition, the bound on e_k and the bracket of Phi of it.
  void condition(uint64_t key, Scratch& scratch) const;
  double cut_of(size_t k, uint64_t key) const {
    const SampledShock& shock = shocks_[k];
    if (!shock.severity) return shock.cut;
    CounterRng rng = CounterRng::keyed(key, 2 + k);
    return (*shock.severity)(rng);
  }

  std::vector<SampledShock> shocks_;
  size_t factors_ = 0;
  // Conditions: the distinct (Phi^-1(p) / s, loadings / s) of loaded shocks.
  size_t conditions_ = 0;
  std::vector<double> condition_bound_;
  std::vector<double> condition_loadings_;  // conditions x factors
  std::vector<size_t> bracket_of_;          // per shock: its condition, or conditions_ + its unloaded index
  std::vector<double> unloaded_probability_;
  uint64_t seed_part_ = 0;
  const NormalZiggurat& normal_;
  const NormalCdfGrid& cdf_;
};

}  // namespace tengerim
