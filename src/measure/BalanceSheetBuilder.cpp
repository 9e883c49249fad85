#include "measure/BalanceSheetBuilder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "measure/Concentration.h"
#include "measure/RelationsMeasure.h"

namespace tengerim {
namespace {

struct YearDomainTies {
  std::vector<const Tie*> partners;
  const Tie* world = nullptr;
};

double substitutability_for(const Domain& domain, const std::string& direction) {
  auto found = domain.substitutability_by_direction.find(direction);
  return found != domain.substitutability_by_direction.end() ? found->second.value : domain.substitutability.value;
}

class SheetBuilder {
 public:
  explicit SheetBuilder(const Model& model) : model_(model), directions_(model) {}

  BalanceSheet build() {
    std::map<int, std::map<std::string, YearDomainTies>> by_year;
    for (const auto& tie : model_.ties) {
      auto& entry = by_year[tie.year][tie.domain];
      if (tie.partner == kWorldCode) entry.world = &tie;
      else entry.partners.push_back(&tie);
    }
    std::set<int> years = relation_years(model_);
    for (const auto& [year, unused] : by_year) years.insert(year);
    BalanceSheet sheet{model_.focal, model_.name, model_.origin, {}};
    for (int year : years) {
      YearSheet year_sheet = measure_year(year, by_year[year]);
      year_sheet.relations = measure_relations(model_, directions_, year);
      if (year_sheet.domains.empty() && year_sheet.relations.empty()) continue;
      year_sheet.products = assess_model_products(model_, year);
      if (!sheet.years.empty() && sheet.years.back().year == year - 1 && year_sheet.has_ties() &&
          sheet.years.back().has_ties())
        year_sheet.predictability = predictability(sheet.years.back(), year_sheet);
      sheet.years.push_back(std::move(year_sheet));
    }
    return sheet;
  }

 private:
  YearSheet measure_year(int year, std::map<std::string, YearDomainTies>& ties) {
    YearSheet sheet;
    sheet.year = year;
    for (const auto& domain : model_.domains) {
      auto found = ties.find(domain.id);
      if (found == ties.end() || !has_positive(found->second)) {
        sheet.missing_domains.push_back(domain.id);
        continue;
      }
      sheet.coverage += domain.weight.value;
      sheet.domains.push_back(measure_domain(domain, found->second));
    }
    if (sheet.domains.empty()) return sheet;
    for (auto& domain : sheet.domains)
      domain.weight = sheet.coverage > 0 ? model_.find_domain(domain.id)->weight.value / sheet.coverage
                                         : 1.0 / static_cast<double>(sheet.domains.size());
    aggregate_directions(sheet);
    return sheet;
  }

  static bool has_positive(const YearDomainTies& ties) {
    for (const Tie* tie : ties.partners)
      if (tie->value > 0) return true;
    return false;
  }

  DomainSheet measure_domain(const Domain& domain, const YearDomainTies& ties) {
    DomainSheet out;
    out.id = domain.id;
    out.unit = domain.unit;
    double listed = 0;
    for (const Tie* tie : ties.partners) listed += tie->value;
    out.total = ties.world ? ties.world->value : listed;
    out.allocated = out.total > 0 ? listed / out.total : 0;
    std::vector<double> shares;
    std::map<std::string, double> direction_share;
    for (const Tie* tie : ties.partners) {
      if (tie->value <= 0) continue;
      PartnerShare partner{tie->partner, direction_for(tie->partner), tie->value, tie->value / out.total};
      shares.push_back(partner.share);
      if (partner.direction.empty()) out.other_share += partner.share;
      else direction_share[partner.direction] += partner.share;
      out.partners_by_share.push_back(std::move(partner));
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
    std::vector<double> by_direction;
    const double tau = model_.parameters.get("critical_share");
    const double sigma_min = model_.parameters.get("critical_substitutability");
    for (const auto& direction : model_.directions) {
      DirectionShare entry;
      entry.direction = direction.id;
      entry.share = direction_share[direction.id];
      entry.substitutability = substitutability_for(domain, direction.id);
      entry.critical = entry.share >= tau && entry.substitutability < sigma_min;
      by_direction.push_back(entry.share);
      out.directions.push_back(entry);
    }
    out.evenness = evenness(by_direction, model_.directions.size());
    set_leader(out);
    return out;
  }

  // Ties go to the direction listed first in the model, so results never
  // depend on container order.
  static void set_leader(DomainSheet& domain) {
    double best = -1, second = 0;
    for (const auto& entry : domain.directions) {
      if (entry.share > best) {
        second = std::max(second, best);
        best = entry.share;
        domain.leader = entry.direction;
      } else {
        second = std::max(second, entry.share);
      }
    }
    domain.lead_margin = best - std::max(second, 0.0);
    if (best <= 0) domain.leader.clear();
  }

  void aggregate_directions(YearSheet& sheet) {
    for (size_t c = 0; c < model_.directions.size(); ++c) {
      DirectionSheet direction;
      direction.id = model_.directions[c].id;
      for (const auto& domain : sheet.domains) {
        const auto& entry = domain.directions[c];
        direction.dependence += domain.weight * entry.share;
        direction.leverage += domain.weight * entry.share * (1 - entry.substitutability);
        if (entry.critical) ++sheet.critical_pairs;
        if (domain.leader == direction.id) {
          direction.leads.push_back(domain.id);
          direction.led_weight += domain.weight;
        }
      }
      sheet.directions.push_back(std::move(direction));
    }
    const double count = static_cast<double>(sheet.directions.size());
    double sum_leverage = 0, sum_q2 = 0;
    std::vector<double> dependence;
    for (const auto& direction : sheet.directions) {
      sheet.max_dependence = std::max(sheet.max_dependence, direction.dependence);
      sheet.max_leverage = std::max(sheet.max_leverage, direction.leverage);
      sum_leverage += direction.leverage;
      sum_q2 += direction.led_weight * direction.led_weight;
      dependence.push_back(direction.dependence);
    }
    const double fair = sum_leverage / count;
    sheet.balance = fair < 1 ? std::clamp(1 - (sheet.max_leverage - fair) / (1 - fair), 0.0, 1.0) : 0.0;
    sheet.separation = count > 1 ? (1 - sum_q2) / (1 - 1 / count) : 0.0;
    sheet.dependence_evenness = evenness(dependence, sheet.directions.size());
  }

  double predictability(const YearSheet& previous, const YearSheet& current) const {
    std::vector<std::string> common;
    for (const auto& domain : current.domains)
      for (const auto& before : previous.domains)
        if (before.id == domain.id) common.push_back(domain.id);
    if (common.empty()) return 0;  // nothing comparable: no evidence of continuity
    auto before = dependence_over(model_, previous, common);
    auto now = dependence_over(model_, current, common);
    double change = 0;
    for (size_t c = 0; c < now.size(); ++c) change += std::fabs(now[c] - before[c]);
    return 1 - change / 2;
  }

  const std::string& direction_for(const std::string& partner) const { return directions_.of(partner); }

  const Model& model_;
  DirectionIndex directions_;
};

}  // namespace

std::vector<double> dependence_over(const Model& model, const YearSheet& sheet,
                                    const std::vector<std::string>& domain_ids) {
  std::vector<double> dependence(model.directions.size(), 0.0);
  double total_weight = 0;
  for (const auto& domain : sheet.domains)
    if (std::find(domain_ids.begin(), domain_ids.end(), domain.id) != domain_ids.end())
      total_weight += model.find_domain(domain.id)->weight.value;
  if (total_weight <= 0) return dependence;
  for (const auto& domain : sheet.domains) {
    if (std::find(domain_ids.begin(), domain_ids.end(), domain.id) == domain_ids.end()) continue;
    double weight = model.find_domain(domain.id)->weight.value / total_weight;
    for (size_t c = 0; c < dependence.size(); ++c) dependence[c] += weight * domain.directions[c].share;
  }
  return dependence;
}

BalanceSheet measure_balance(const Model& model) { return SheetBuilder(model).build(); }

}  // namespace tengerim
