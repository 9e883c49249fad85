#include "measure/SheetBands.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "common/LatinHypercube.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/Parameters.h"

namespace tengerim {
namespace {

// The parameters of the sheet that are judgements (model/Parameters.cpp).
constexpr const char* kSheetParameters[] = {"critical_share", "critical_leverage", "coverage_threshold"};

// One column of the design: which judgement it moves and over what range.
struct Column {
  enum Kind { Weight, Sigma, SigmaOverride, Limit, Parameter } kind;
  size_t domain = 0;
  size_t direction = 0;  // SigmaOverride: the model direction
  const char* parameter = "";
  double low = 0;
  double high = 0;
  std::string name;
};

bool varies(const Judgement& judgement) { return judgement.high > judgement.low; }

bool limited_by_age(FillMethod method) {
  return method == FillMethod::CarryForward || method == FillMethod::Interpolate;
}
bool limited_by_window(FillMethod method) {
  return method == FillMethod::RollingSum || method == FillMethod::RollingMean;
}

// Fixed order: domains in model order (weight, sigma, sigma per direction in
// model order, gap-filling limit), then the sheet's parameters.
std::vector<Column> design_columns(const Model& model) {
  std::vector<Column> columns;
  for (size_t d = 0; d < model.domains.size(); ++d) {
    const Domain& domain = model.domains[d];
    const std::string prefix = "domains." + domain.id + ".";
    if (varies(domain.weight))
      columns.push_back({Column::Weight, d, 0, "", domain.weight.low, domain.weight.high, prefix + "weight"});
    if (varies(domain.substitutability))
      columns.push_back({Column::Sigma, d, 0, "", domain.substitutability.low, domain.substitutability.high,
                         prefix + "substitutability"});
    for (size_t c = 0; c < model.directions.size(); ++c) {
      auto found = domain.substitutability_by_direction.find(model.directions[c].id);
      if (found == domain.substitutability_by_direction.end() || !varies(found->second)) continue;
      columns.push_back({Column::SigmaOverride, d, c, "", found->second.low, found->second.high,
                         prefix + "substitutability_by_direction." + model.directions[c].id});
    }
    const Judgement* limit = limited_by_age(domain.fill.method)      ? &domain.fill.max_age
                             : limited_by_window(domain.fill.method) ? &domain.fill.window
                                                                     : nullptr;
    if (limit && varies(*limit))
      columns.push_back({Column::Limit, d, 0, "", limit->low, limit->high,
                         prefix + (limit == &domain.fill.max_age ? "fill.max_age" : "fill.window")});
  }
  for (const char* key : kSheetParameters) {
    const ParameterSpec* spec = find_parameter_spec(key);
    const double value = model.parameters.get(key);
    // A model that sets a value outside the default's range keeps it fixed:
    // the declared range is a judgement about the default, not about its value.
    if (!spec || !spec->judgement || value < spec->range_low || value > spec->range_high) continue;
    columns.push_back({Column::Parameter, 0, 0, key, spec->range_low, spec->range_high, key});
  }
  return columns;
}

// One draw's figures for one year.
struct DrawYear {
  bool present = false;
  bool published = false;
  double balance = 0, separation = 0, max_dependence = 0, max_leverage = 0, leverage_gap = 0;
  std::optional<double> predictability;
  std::vector<double> dependence, leverage;  // directions, then other
  std::vector<char> critical;                // domain x (directions + other)
  std::vector<int> leader;                   // per domain: direction index, -1 when absent
};

std::vector<DrawYear> summarise(const Model& model, const BalanceSheet& sheet) {
  const size_t years = static_cast<size_t>(model.last_year - model.first_year + 1);
  const size_t slots = model.directions.size() + 1;
  std::vector<DrawYear> out(years);
  for (const YearSheet& year : sheet.years) {
    if (year.year < model.first_year || year.year > model.last_year || !year.has_ties()) continue;
    DrawYear& entry = out[static_cast<size_t>(year.year - model.first_year)];
    entry.present = true;
    entry.published = year.published;
    entry.critical.assign(model.domains.size() * slots, 0);
    entry.leader.assign(model.domains.size(), -1);
    for (const DirectionSheet& direction : year.directions) {
      entry.dependence.push_back(direction.dependence);
      entry.leverage.push_back(direction.leverage);
    }
    for (const DomainSheet& domain : year.domains) {
      size_t d = 0;
      while (model.domains[d].id != domain.id) ++d;
      for (size_t c = 0; c < slots; ++c) {
        const DirectionShare& share = c + 1 < slots ? domain.directions[c] : domain.other;
        entry.critical[d * slots + c] = share.critical ? 1 : 0;
        if (share.direction == domain.leader) entry.leader[d] = static_cast<int>(c);
      }
    }
    if (!year.published) continue;
    entry.balance = *year.balance;
    entry.separation = *year.separation;
    entry.max_dependence = *year.max_dependence;
    entry.max_leverage = *year.max_leverage;
    entry.leverage_gap = *year.leverage_gap;
    entry.predictability = year.predictability;
  }
  return out;
}

std::optional<Band> band_of(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  return Band{sorted_quantile(values, 0.05), sorted_quantile(values, 0.50), sorted_quantile(values, 0.95)};
}

std::string slot_name(const Model& model, size_t c) {
  return c < model.directions.size() ? model.directions[c].id : kOtherDirection;
}

YearBands aggregate(const Model& model, const std::vector<std::vector<DrawYear>>& draws, size_t y) {
  const size_t slots = model.directions.size() + 1;
  YearBands out;
  out.year = model.first_year + static_cast<int>(y);
  std::vector<double> balance, separation, predictability, max_dependence, max_leverage, gap;
  std::vector<std::vector<double>> dependence(slots), leverage(slots);
  std::vector<size_t> critical(model.domains.size() * slots, 0), leads(model.domains.size() * slots, 0);
  for (const auto& draw : draws) {
    const DrawYear& entry = draw[y];
    if (!entry.present) continue;
    for (size_t k = 0; k < critical.size(); ++k) critical[k] += static_cast<size_t>(entry.critical[k]);
    for (size_t d = 0; d < entry.leader.size(); ++d)
      if (entry.leader[d] >= 0) ++leads[d * slots + static_cast<size_t>(entry.leader[d])];
    if (!entry.published) continue;
    ++out.published_draws;
    balance.push_back(entry.balance);
    separation.push_back(entry.separation);
    max_dependence.push_back(entry.max_dependence);
    max_leverage.push_back(entry.max_leverage);
    gap.push_back(entry.leverage_gap);
    if (entry.predictability) predictability.push_back(*entry.predictability);
    for (size_t c = 0; c < slots; ++c) {
      dependence[c].push_back(entry.dependence[c]);
      leverage[c].push_back(entry.leverage[c]);
    }
  }
  const double total = static_cast<double>(draws.size());
  out.published_share = static_cast<double>(out.published_draws) / total;
  out.balance = band_of(std::move(balance));
  out.separation = band_of(std::move(separation));
  out.predictability = band_of(std::move(predictability));
  out.max_dependence = band_of(std::move(max_dependence));
  out.max_leverage = band_of(std::move(max_leverage));
  out.leverage_gap = band_of(std::move(gap));
  if (out.published_draws > 0)
    for (size_t c = 0; c < slots; ++c) {
      out.dependence.push_back({slot_name(model, c), *band_of(std::move(dependence[c]))});
      out.leverage.push_back({slot_name(model, c), *band_of(std::move(leverage[c]))});
    }
  for (size_t d = 0; d < model.domains.size(); ++d)
    for (size_t c = 0; c < slots; ++c) {
      const size_t k = d * slots + c;
      if (critical[k] > 0)
        out.critical.push_back({model.domains[d].id, slot_name(model, c), static_cast<double>(critical[k]) / total});
      if (leads[k] > 0)
        out.leads.push_back({model.domains[d].id, slot_name(model, c), static_cast<double>(leads[k]) / total});
    }
  return out;
}

}  // namespace

std::vector<std::string> varied_judgements(const Model& model) {
  std::vector<std::string> names;
  for (const auto& column : design_columns(model)) names.push_back(column.name);
  return names;
}

MeasureSettings settings_at(const Model& model, SheetBasis basis, const std::vector<double>& point) {
  MeasureSettings settings = MeasureSettings::declared(model);
  settings.basis = basis;
  const std::vector<Column> columns = design_columns(model);
  for (size_t j = 0; j < columns.size() && j < point.size(); ++j) {
    const Column& column = columns[j];
    const double value = column.low + point[j] * (column.high - column.low);
    switch (column.kind) {
      case Column::Weight: settings.weight[column.domain] = value; break;
      case Column::Sigma: {
        const Domain& domain = model.domains[column.domain];
        auto& sigma = settings.sigma[column.domain];
        for (size_t c = 0; c < model.directions.size(); ++c)
          if (!domain.substitutability_by_direction.count(model.directions[c].id)) sigma[c] = value;
        sigma.back() = value;  // "other" takes the domain's own sigma
        break;
      }
      case Column::SigmaOverride: settings.sigma[column.domain][column.direction] = value; break;
      case Column::Limit: {
        // Whole years, each equally likely: floor over [low, high + 1).
        const double years = std::floor(column.low + point[j] * (column.high - column.low + 1));
        const int limit = static_cast<int>(std::min(years, column.high));
        const FillMethod method = model.domains[column.domain].fill.method;
        (limited_by_age(method) ? settings.max_age : settings.window)[column.domain] = limit;
        break;
      }
      case Column::Parameter:
        if (std::string_view(column.parameter) == "critical_share") settings.critical_share = value;
        if (std::string_view(column.parameter) == "critical_leverage") settings.critical_leverage = value;
        if (std::string_view(column.parameter) == "coverage_threshold") settings.coverage_threshold = value;
        break;
    }
  }
  // Drawn weights are renormalised to sum to one, as declared weights do.
  double sum = 0;
  for (double weight : settings.weight) sum += weight;
  if (sum > 0)
    for (double& weight : settings.weight) weight /= sum;
  return settings;
}

SheetBands measure_bands(const Model& model, const ObservedTies& ties, const BandOptions& options) {
  SheetBands bands;
  bands.draws = options.draws;
  bands.seed = options.seed;
  bands.varied = varied_judgements(model);
  if (options.draws == 0 || model.last_year < model.first_year) return bands;
  const LatinHypercube cube(options.seed, options.draws, std::max<size_t>(bands.varied.size(), 1));
  std::vector<std::vector<DrawYear>> draws(options.draws);
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  tbb::task_arena arena(static_cast<int>(std::clamp<size_t>(options.threads, 1, cores)));
  // Each draw writes only its own slot, so the order the threads finish in changes nothing.
  constexpr size_t kBlock = 64;
  for (size_t start = 0; start < options.draws; start += kBlock) {
    const size_t end = std::min(options.draws, start + kBlock);
    arena.execute([&] {
      tbb::parallel_for(start, end, [&](size_t i) {
        const MeasureSettings settings = settings_at(model, options.basis, cube.point(i));
        draws[i] = summarise(model, measure_balance(model, settings, ties, false));
      });
    });
    if (options.progress) options.progress(end, options.draws);
  }
  for (size_t y = 0; y < draws.front().size(); ++y) {
    bool present = false;
    for (const auto& draw : draws) present = present || draw[y].present;
    if (present) bands.years.push_back(aggregate(model, draws, y));
  }
  return bands;
}

double sorted_quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double h = p * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(h));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace tengerim
