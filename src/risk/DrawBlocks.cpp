#include "risk/DrawBlocks.h"

#include <tbb/parallel_for.h>

#include <algorithm>

namespace tengerim {
namespace {

constexpr size_t kBlock = DrawSampler::kBlock;

// Sums over a block's totals in four interleaved lanes: a fixed order (the same
// on any thread) with four additions in flight instead of one.
template <class Term>
double lane_sum(size_t count, Term term) {
  double lane[4] = {0, 0, 0, 0};
  size_t r = 0;
  for (; r + 4 <= count; r += 4)
    for (size_t j = 0; j < 4; ++j) lane[j] += term(r + j);
  for (; r < count; ++r) lane[0] += term(r);
  return (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

void no_loss(size_t, const SampledShock&, size_t, double, double) {}

}  // namespace

DrawBlocks::DrawBlocks(const DrawSampler& sampler, size_t draws, size_t parts, std::vector<double>* cuts)
    : sampler_(sampler),
      draws_(draws),
      parts_(parts),
      cuts_(cuts),
      blocks_((draws + kBlock - 1) / kBlock),
      scratches_([this] {
        Scratch scratch;
        sampler_.prepare(scratch.sampler);
        scratch.total.resize(kBlock);
        scratch.row.resize(kBlock);
        return scratch;
      }) {}

void DrawBlocks::run(size_t b, double cutoff) {
  Scratch& scratch = scratches_.local();
  Block& block = blocks_[b];
  const size_t first = b * kBlock, shocks = sampler_.shocks();
  block.count = std::min(draws_, first + kBlock) - first;
  block.part.assign(parts_, 0);
  block.occurred.assign(shocks, 0);
  scratch.losses.clear();
  sampler_.run_block(first, block.count, scratch.sampler, scratch.total.data(),
                     [&](size_t k, const SampledShock& shock, size_t r, double loss, double cut) {
                       block.direct += SampledShock::at(shock.direct, cut);
                       block.part[shock.part] += loss;
                       ++block.occurred[k];
                       scratch.losses.push_back({static_cast<uint32_t>(r), static_cast<uint32_t>(shock.part), loss});
                       if (cuts_) (*cuts_)[(first + r) * shocks + k] = cut;
                     });
  const double* total = scratch.total.data();
  block.sum = lane_sum(block.count, [&](size_t r) { return total[r]; });
  const double mean = block.sum / static_cast<double>(block.count);
  block.squares = lane_sum(block.count, [&](size_t r) { return (total[r] - mean) * (total[r] - mean); });
  size_t kept = 0;
  for (size_t r = 0; r < block.count; ++r) kept += total[r] >= cutoff;
  block.draw.resize(kept);
  block.loss.resize(kept);
  kept = 0;
  for (size_t r = 0; r < block.count; ++r) {
    scratch.row[r] = total[r] >= cutoff ? static_cast<int64_t>(kept) : -1;
    if (total[r] < cutoff) continue;
    block.draw[kept] = first + r;
    block.loss[kept++] = total[r];
  }
  // The kept draws' parts, added shock by shock as in a re-run of the draw.
  block.parts.assign(kept * parts_, 0);
  for (const auto& entry : scratch.losses)
    if (scratch.row[entry.draw] >= 0)
      block.parts[static_cast<size_t>(scratch.row[entry.draw]) * parts_ + entry.part] += entry.loss;
}

void DrawBlocks::keep_above(size_t b, double cutoff) {
  Block& block = blocks_[b];
  size_t kept = 0;
  for (size_t i = 0; i < block.draw.size(); ++i) {
    if (block.loss[i] < cutoff) continue;
    block.draw[kept] = block.draw[i];
    block.loss[kept] = block.loss[i];
    std::copy_n(block.parts.begin() + static_cast<long>(i * parts_), parts_,
                block.parts.begin() + static_cast<long>(kept * parts_));
    ++kept;
  }
  block.draw.resize(kept);
  block.loss.resize(kept);
  block.parts.resize(kept * parts_);
}

TailCandidates DrawBlocks::candidates(double cutoff) const {
  TailCandidates out;
  out.draws = draws_;
  out.cutoff = cutoff;
  std::vector<size_t> offset(blocks_.size() + 1, 0);
  for (size_t b = 0; b < blocks_.size(); ++b) {
    out.mean += blocks_[b].sum;
    offset[b + 1] = offset[b] + blocks_[b].draw.size();
  }
  out.mean /= static_cast<double>(std::max<size_t>(draws_, 1));
  for (const auto& block : blocks_) {  // each block's squares about its own mean, moved to the overall mean
    const double gap = block.sum / static_cast<double>(block.count) - out.mean;
    out.squares += block.squares + static_cast<double>(block.count) * gap * gap;
  }
  out.draw.resize(offset.back());
  out.loss.resize(offset.back());
  tbb::parallel_for(size_t{0}, blocks_.size(), [&](size_t b) {
    std::copy(blocks_[b].draw.begin(), blocks_[b].draw.end(), out.draw.begin() + static_cast<long>(offset[b]));
    std::copy(blocks_[b].loss.begin(), blocks_[b].loss.end(), out.loss.begin() + static_cast<long>(offset[b]));
  });
  return out;
}

void DrawBlocks::losses(size_t begin, size_t end, std::span<double> out) const {
  for (size_t from = begin; from < end; from += kBlock)
    sampler_.run_block(from, std::min(kBlock, end - from), scratches_.local().sampler, out.data() + (from - begin),
                       no_loss);
}

void DrawBlocks::parts(std::span<const size_t> draws, std::span<double> out) const {
  std::vector<size_t> missing, missing_row;
  for (size_t r = 0; r < draws.size(); ++r) {
    const Block& block = blocks_[draws[r] / kBlock];
    auto found = std::lower_bound(block.draw.begin(), block.draw.end(), draws[r]);
    if (found == block.draw.end() || *found != draws[r]) {
      missing.push_back(draws[r]);
      missing_row.push_back(r);
      continue;
    }
    const size_t row = static_cast<size_t>(found - block.draw.begin());
    std::copy_n(block.parts.begin() + static_cast<long>(row * parts_), parts_, out.begin() + static_cast<long>(r * parts_));
  }
  std::vector<double> totals(missing.size());
  sampler_.run_draws(missing.data(), missing.size(), scratches_.local().sampler, totals.data(),
                     [&](size_t, const SampledShock& shock, size_t i, double loss, double) {
                       out[missing_row[i] * parts_ + shock.part] += loss;
                     });
}

double DrawBlocks::mean_direct() const {
  double sum = 0;
  for (const auto& block : blocks_) sum += block.direct;
  return sum / static_cast<double>(std::max<size_t>(draws_, 1));
}

std::vector<double> DrawBlocks::mean_parts() const {
  std::vector<double> mean(parts_, 0);
  for (const auto& block : blocks_)
    for (size_t p = 0; p < parts_; ++p) mean[p] += block.part[p];
  for (double& value : mean) value /= static_cast<double>(std::max<size_t>(draws_, 1));
  return mean;
}

std::vector<double> DrawBlocks::occurrence() const {
  std::vector<double> share(sampler_.shocks(), 0);
  for (const auto& block : blocks_)
    for (size_t k = 0; k < share.size(); ++k) share[k] += static_cast<double>(block.occurred[k]);
  for (double& value : share) value /= static_cast<double>(std::max<size_t>(draws_, 1));
  return share;
}

}  // namespace tengerim
