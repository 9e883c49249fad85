#include "measure/BalanceSheetBuilder.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "measure/BasketFiller.h"
#include "measure/CompositeIndex.h"
#include "measure/Concentration.h"
#include "measure/RelationsMeasure.h"
#include "measure/SheetSize.h"
#include "model/DirectionIndex.h"

namespace tengerim {
namespace {

// Weights and thresholds are compared with this slack, so that a weight
// written as 0.15 counts as 0.15 whatever its binary rounding.
constexpr double kSlack = 1e-9;

class SheetBuilder {
 public:
  SheetBuilder(const Model& model, const MeasureSettings& settings, const ObservedTies& ties)
      : model_(model), settings_(settings), ties_(ties), directions_(model) {}

  BalanceSheet build(bool with_relations) {
    std::set<int> years;
    if (with_relations) years = relation_years(model_);
    for (int year = model_.first_year; year <= model_.last_year; ++year) years.insert(year);
    BalanceSheet sheet{model_.focal, model_.name, model_.origin, to_string(settings_.basis),
                       to_string(settings_.weights), {}};
    for (int year : years) {
      YearSheet year_sheet = measure_year(year);
      if (with_relations) year_sheet.relations = measure_relations(model_, directions_, year);
      if (year_sheet.domains.empty() && year_sheet.relations.empty()) continue;
      if (with_relations) year_sheet.products = assess_model_products(model_, year);
      if (!sheet.years.empty() && sheet.years.back().year == year - 1)
        year_sheet.predictability = predictability(sheet.years.back(), year_sheet);
      sheet.years.push_back(std::move(year_sheet));
    }
    return sheet;
  }

 private:
  FillRule rule_for(size_t d) const {
    if (settings_.basis == SheetBasis::Observed) return {};
    return {model_.domains[d].fill.method, settings_.max_age[d], std::max(1, settings_.window[d])};
  }

  YearSheet measure_year(int year) {
    YearSheet sheet;
    sheet.year = year;
    bool key_domain_missing = false;
    std::string missing_key;
    for (size_t d = 0; d < model_.domains.size(); ++d) {
      FilledDomain filled = fill_domain(ties_, d, year, rule_for(d));
      if (!filled.present()) {
        sheet.missing_domains.push_back(model_.domains[d].id);
        if (settings_.weight[d] >= settings_.key_domain_weight - kSlack && !key_domain_missing) {
          key_domain_missing = true;
          missing_key = model_.domains[d].id;
        }
        continue;
      }
      sheet.coverage += settings_.weight[d];
      sheet.domains.push_back(measure_domain(d, filled));
    }
    if (sheet.domains.empty()) return sheet;
    if (settings_.weights == WeightBasis::Magnitude) weigh_by_magnitude(sheet);
    for (auto& domain : sheet.domains) domain.weight = domain.declared_weight / sheet.coverage;
    if (key_domain_missing)
      sheet.unpublished_reason = "insufficient data: domain '" + missing_key + "' (declared weight at least " +
                                 fmt_share(settings_.key_domain_weight) + ") is missing";
    else if (sheet.coverage < settings_.coverage_threshold - kSlack)
      sheet.unpublished_reason = "insufficient data: the domains present cover " + fmt_share(sheet.coverage) +
                                 " of the declared weight, below the threshold " +
                                 fmt_share(settings_.coverage_threshold);
    sheet.published = sheet.unpublished_reason.empty();
    aggregate_directions(sheet);
    return sheet;
  }

  // The money domains present share their summed declared weight in proportion
  // to their USD totals; the others keep theirs, so coverage and the key-domain
  // rule (judgements about what must be there) are unchanged.
  static void weigh_by_magnitude(YearSheet& sheet) {
    double weight = 0, usd = 0;
    for (const auto& domain : sheet.domains)
      if (const auto scale = usd_per_unit(domain.unit)) {
        weight += domain.declared_weight;
        usd += domain.total * *scale;
      }
    if (!(usd > 0)) return;
    for (auto& domain : sheet.domains)
      if (const auto scale = usd_per_unit(domain.unit)) domain.declared_weight = weight * domain.total * *scale / usd;
  }

  static std::string fmt_share(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
  }

  DomainSheet measure_domain(size_t d, const FilledDomain& filled) {
    const Domain& domain = model_.domains[d];
    DomainSheet out;
    out.id = domain.id;
    out.unit = domain.unit;
    out.declared_weight = settings_.weight[d];
    out.basis = filled.basis;
    out.age = filled.age;
    out.window = filled.window;
    out.observed_years = filled.observed_years;
    out.sources = filled.sources;
    double listed = 0;
    for (const auto& [partner, value] : filled.partners) listed += value;
    out.total = filled.world ? *filled.world : listed;
    out.allocated = out.total > 0 ? listed / out.total : 0;
    std::vector<double> shares;
    std::vector<double> direction_share(model_.directions.size(), 0.0);
    for (const auto& [partner, value] : filled.partners) {
      if (value <= 0) continue;
      PartnerShare entry{partner, directions_.of(partner), value, value / out.total};
      shares.push_back(entry.share);
      if (entry.direction.empty()) {
        out.other_share += entry.share;
        if (partner != kUnknownCode && entry.share > out.other.share) {
          out.other.share = entry.share;
          out.other_partner = partner;
        }
      } else {
        direction_share[direction_index(entry.direction)] += entry.share;
      }
      out.partners_by_share.push_back(std::move(entry));
    }
    std::sort(out.partners_by_share.begin(), out.partners_by_share.end(),
              [](const PartnerShare& a, const PartnerShare& b) {
                return a.share != b.share ? a.share > b.share : a.partner < b.partner;
              });
    out.partners = shares.size();
    out.hhi = herfindahl(shares);
    out.effective_partners = effective_number(shares);
    out.entropy = shannon_entropy(shares);
    out.exp_entropy = std::exp(out.entropy);
    out.theil = theil_index(shares);
    for (size_t c = 0; c < model_.directions.size(); ++c) {
      DirectionShare entry;
      entry.direction = model_.directions[c].id;
      entry.share = direction_share[c];
      entry.substitutability = settings_.sigma[d][c];
      entry.critical = is_critical(entry);
      out.directions.push_back(entry);
    }
    out.other.substitutability = settings_.sigma[d][model_.directions.size()];
    out.other.critical = is_critical(out.other);
    out.evenness = evenness(direction_share, model_.directions.size());
    set_leader(out);
    return out;
  }

  bool is_critical(const DirectionShare& entry) const {
    return entry.share >= settings_.critical_share - kSlack &&
           entry.share * (1 - entry.substitutability) >= settings_.critical_leverage - kSlack;
  }

  size_t direction_index(const std::string& id) const {
    for (size_t c = 0; c < model_.directions.size(); ++c)
      if (model_.directions[c].id == id) return c;
    return 0;  // DirectionIndex only names the model's directions
  }

  // The leader is the direction, or "other" (its largest partner), with the
  // largest share; ties go to the entry listed first, so results never depend
  // on container order. A domain whose only partners are unknown or
  // unallocated is led by "other": a power the model does not name.
  static void set_leader(DomainSheet& domain) {
    double best = -1, second = 0;
    auto consider = [&](const DirectionShare& entry) {
      if (entry.share > best) {
        second = std::max(second, best);
        best = entry.share;
        domain.leader = entry.direction;
      } else {
        second = std::max(second, entry.share);
      }
    };
    for (const auto& entry : domain.directions) consider(entry);
    consider(domain.other);
    domain.lead_margin = std::max(best, 0.0) - std::max(second, 0.0);
    if (best <= 0) domain.leader = kOtherDirection;
  }

  void aggregate_directions(YearSheet& sheet) {
    const size_t count = model_.directions.size();
    std::vector<DirectionSheet> entries(count + 1);
    for (size_t c = 0; c < count; ++c) entries[c].id = model_.directions[c].id;
    entries[count].id = kOtherDirection;
    std::vector<double> weights;
    std::vector<std::vector<double>> sigmas;
    int critical = 0;
    for (const auto& domain : sheet.domains) {
      weights.push_back(domain.weight);
      std::vector<double> sigma;
      double named = 0;
      for (size_t c = 0; c <= count; ++c) {
        const DirectionShare& entry = c < count ? domain.directions[c] : domain.other;
        entries[c].dependence += domain.weight * entry.share;
        entries[c].leverage += domain.weight * entry.share * (1 - entry.substitutability);
        if (entry.critical) ++critical;
        if (domain.leader == entries[c].id) {
          entries[c].leads.push_back(domain.id);
          entries[c].led_weight += domain.weight;
        }
        if (c < count) {
          sigma.push_back(entry.substitutability);
          named += entry.share;
        }
      }
      sigmas.push_back(std::move(sigma));
      sheet.outside_dependence += domain.weight * std::max(0.0, 1 - named);
    }
    std::vector<double> dependence, leverage, led, named_dependence;
    for (const auto& entry : entries) {
      dependence.push_back(entry.dependence);
      leverage.push_back(entry.leverage);
      led.push_back(entry.led_weight);
    }
    named_dependence.assign(dependence.begin(), dependence.begin() + static_cast<long>(count));
    const std::vector<double> named_leverage(leverage.begin(), leverage.begin() + static_cast<long>(count));
    const std::vector<double> named_led(led.begin(), led.begin() + static_cast<long>(count));
    sheet.directions = std::move(entries);
    if (!sheet.published) return;
    sheet.balance = balance_index(named_leverage, leverage[count], worst_leverage_gap(weights, sigmas));
    sheet.leverage_gap = leverage_gap(named_leverage, leverage[count]);
    sheet.separation = separation_index(named_led, led[count]);
    sheet.max_dependence = *std::max_element(dependence.begin(), dependence.end());
    sheet.max_leverage = *std::max_element(leverage.begin(), leverage.end());
    sheet.dependence_evenness = evenness(named_dependence, count);
    sheet.critical_pairs = critical;
  }

  // D over the model's directions and "outside", on the domains present in
  // both years with their weights renormalised over them.
  std::vector<double> distribution_over(const YearSheet& sheet, const std::set<std::string>& common) const {
    const size_t count = model_.directions.size();
    std::vector<double> out(count + 1, 0.0);
    double total = 0;
    for (const auto& domain : sheet.domains)
      if (common.count(domain.id)) total += domain.declared_weight;
    for (const auto& domain : sheet.domains) {
      if (!common.count(domain.id)) continue;
      const double weight = domain.declared_weight / total;
      double named = 0;
      for (size_t c = 0; c < count; ++c) {
        out[c] += weight * domain.directions[c].share;
        named += domain.directions[c].share;
      }
      out[count] += weight * std::max(0.0, 1 - named);
    }
    return out;
  }

  std::optional<double> predictability(const YearSheet& previous, const YearSheet& current) const {
    if (!previous.published || !current.published) return std::nullopt;
    std::set<std::string> before, common;
    for (const auto& domain : previous.domains) before.insert(domain.id);
    for (const auto& domain : current.domains)
      if (before.count(domain.id)) common.insert(domain.id);
    if (common.empty()) return std::nullopt;  // nothing comparable: undefined, not 0
    return continuity(distribution_over(previous, common), distribution_over(current, common));
  }

  const Model& model_;
  const MeasureSettings& settings_;
  const ObservedTies& ties_;
  DirectionIndex directions_;
};

}  // namespace

const char* to_string(Basis basis) {
  switch (basis) {
    case Basis::Observed: return "observed";
    case Basis::Carried: return "carried";
    case Basis::Interpolated: return "interpolated";
    case Basis::Window: return "window";
    case Basis::None: return "none";
  }
  return "none";
}

BalanceSheet measure_balance(const Model& model, const MeasureSettings& settings, const ObservedTies& ties,
                             bool with_relations) {
  return SheetBuilder(model, settings, ties).build(with_relations);
}

int default_sheet_year(const Model& model, const BalanceSheet& sheet) {
  if (model.default_year) {
    const YearSheet* declared = sheet.find_year(*model.default_year);
    if (declared && declared->published) return *model.default_year;
  }
  if (const YearSheet* latest = sheet.latest_published()) return latest->year;
  return sheet.years.empty() ? model.default_year.value_or(model.last_year) : sheet.years.back().year;
}

BalanceSheet measure_balance(const Model& model) {
  const ObservedTies ties(model);
  return measure_balance(model, MeasureSettings::declared(model), ties);
}

}  // namespace tengerim
