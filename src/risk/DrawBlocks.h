#pragma once
// The draws of a Monte Carlo run, block by block (DrawSampler::kBlock draws):
// what each block leaves is its sums and its draws at or above a cutoff (the
// candidates for the tails) with their totals and parts, not every draw's
// total. Blocks are combined in block order, so the results are the same for
// any thread count. Anything the candidates do not cover is re-run (draws
// depend on (seed, i) alone).
#include <tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <span>
#include <vector>

#include "risk/DrawSampler.h"
#include "risk/TailRisk.h"

namespace tengerim {

class DrawBlocks {
 public:
  // `cuts` (may be null): draws x shocks, filled with each draw's cut of each shock that occurs.
  DrawBlocks(const DrawSampler& sampler, size_t draws, size_t parts, std::vector<double>* cuts);
  DrawBlocks(const DrawBlocks&) = delete;  // its threads' scratch refers to it
  DrawBlocks& operator=(const DrawBlocks&) = delete;

  size_t blocks() const { return blocks_.size(); }
  // Runs block b, keeping its draws at or above `cutoff`. Blocks may run on several threads at once.
  void run(size_t b, double cutoff);
  // The totals it keeps (all of them, when run with cutoff -HUGE_VAL).
  const std::vector<double>& kept_totals(size_t b) const { return blocks_[b].loss; }
  // Keeps block b's draws at or above `cutoff` only.
  void keep_above(size_t b, double cutoff);

  // Every block's candidates and the mean and squares over every draw; `cutoff`: the highest any block was run with.
  TailCandidates candidates(double cutoff) const;
  // For summarise_losses: the totals of draws begin, ..., end - 1, re-run.
  void losses(size_t begin, size_t end, std::span<double> out) const;
  // For summarise_losses: the parts of draws (kept ones looked up, others re-run).
  void parts(std::span<const size_t> draws, std::span<double> out) const;

  // Means over every draw: of the direct loss, of each part, and each shock's share of draws.
  double mean_direct() const;
  std::vector<double> mean_parts() const;
  std::vector<double> occurrence() const;

 private:
  struct Block {
    size_t count = 0;
    double sum = 0;      // of its totals
    double squares = 0;  // sum of (total - its mean)^2
    double direct = 0;
    std::vector<double> part;      // sum of each part
    std::vector<size_t> occurred;  // per shock
    std::vector<size_t> draw;      // the kept draws, ascending
    std::vector<double> loss;      // their totals
    std::vector<double> parts;     // draw.size() x parts_
  };
  // A thread's working space.
  struct Scratch {
    struct Loss {
      uint32_t draw;  // in the block
      uint32_t part;
      double loss;
    };
    DrawSampler::Scratch sampler;
    std::vector<double> total;   // per draw of the block
    std::vector<Loss> losses;    // the block's shock losses, as they come (shock by shock)
    std::vector<int64_t> row;    // per draw of the block: its row among the kept ones, or -1
  };

  const DrawSampler& sampler_;
  size_t draws_, parts_;
  std::vector<double>* cuts_;
  std::vector<Block> blocks_;
  mutable tbb::enumerable_thread_specific<Scratch> scratches_;
};

}  // namespace tengerim
