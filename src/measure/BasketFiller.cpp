#include "measure/BasketFiller.h"

#include <algorithm>
#include <map>
#include <set>

namespace tengerim {
namespace {

// Adds `factor` x the observations of one year to the running figure.
class FigureSum {
 public:
  void add(const ObservedYear& observed, int year, double factor) {
    years_.push_back(year);
    for (const Tie* tie : observed.partners) {
      partners_[tie->partner] += factor * tie->value;
      sources_.insert(tie->source);
    }
    if (observed.world) {
      world_ += factor * observed.world->value;
      sources_.insert(observed.world->source);
    } else {
      every_world_ = false;
    }
  }

  FilledDomain result(Basis basis) const {
    FilledDomain out;
    out.basis = basis;
    out.observed_years = years_;
    std::sort(out.observed_years.begin(), out.observed_years.end());
    out.partners.assign(partners_.begin(), partners_.end());
    if (every_world_ && !years_.empty()) out.world = world_;
    out.sources.assign(sources_.begin(), sources_.end());
    return out;
  }

 private:
  std::vector<int> years_;
  std::map<std::string, double> partners_;
  std::set<std::string> sources_;
  double world_ = 0;
  bool every_world_ = true;
};

const ObservedYear* latest_at_or_before(const ObservedTies& ties, size_t domain, int year, int* found_year) {
  const auto& years = ties.years(domain);
  auto it = std::upper_bound(years.begin(), years.end(), year);
  if (it == years.begin()) return nullptr;
  *found_year = *std::prev(it);
  return ties.find(domain, *found_year);
}

const ObservedYear* earliest_at_or_after(const ObservedTies& ties, size_t domain, int year, int* found_year) {
  const auto& years = ties.years(domain);
  auto it = std::lower_bound(years.begin(), years.end(), year);
  if (it == years.end()) return nullptr;
  *found_year = *it;
  return ties.find(domain, *found_year);
}

FilledDomain single(const ObservedYear& observed, int year, Basis basis, int age) {
  FigureSum sum;
  sum.add(observed, year, 1.0);
  FilledDomain out = sum.result(basis);
  out.age = age;
  return out;
}

FilledDomain window_figure(const ObservedTies& ties, size_t domain, int year, const FillRule& rule) {
  const auto& years = ties.years(domain);
  const int first = year - rule.window + 1;
  // A window reaching before the first observation, or a year after the last,
  // would count years the data do not cover as years without flows.
  if (years.empty() || first < years.front() || year > years.back()) return {};
  FigureSum sum;
  const double factor = rule.method == FillMethod::RollingMean ? 1.0 / rule.window : 1.0;
  for (int y = first; y <= year; ++y)
    if (const ObservedYear* observed = ties.find(domain, y)) sum.add(*observed, y, factor);
  FilledDomain out = sum.result(Basis::Window);
  out.window = rule.window;
  return out;
}

FilledDomain interpolated(const ObservedYear& before, int before_year, const ObservedYear& after, int after_year,
                          int year) {
  const double t = static_cast<double>(year - before_year) / static_cast<double>(after_year - before_year);
  FigureSum sum;
  sum.add(before, before_year, 1 - t);
  sum.add(after, after_year, t);
  FilledDomain out = sum.result(Basis::Interpolated);
  out.age = std::min(year - before_year, after_year - year);
  return out;
}

}  // namespace

FilledDomain fill_domain(const ObservedTies& ties, size_t domain, int year, const FillRule& rule) {
  if (rule.method == FillMethod::RollingSum || rule.method == FillMethod::RollingMean)
    return window_figure(ties, domain, year, rule);
  if (const ObservedYear* observed = ties.find(domain, year)) return single(*observed, year, Basis::Observed, 0);
  if (rule.method == FillMethod::None) return {};
  int before_year = 0, after_year = 0;
  const ObservedYear* before = latest_at_or_before(ties, domain, year, &before_year);
  if (rule.method == FillMethod::Interpolate) {
    const ObservedYear* after = earliest_at_or_after(ties, domain, year, &after_year);
    if (before && after && year - before_year <= rule.max_age && after_year - year <= rule.max_age)
      return interpolated(*before, before_year, *after, after_year, year);
  }
  if (before && year - before_year <= rule.max_age) return single(*before, before_year, Basis::Carried, year - before_year);
  return {};
}

}  // namespace tengerim
