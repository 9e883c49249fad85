#include "report/TextReport.h"

#include <fmt/format.h>

#include "common/Text.h"
#include "report/RelationsText.h"

namespace tengerim {
namespace {

std::string percent(double share) { return fmt::format("{:5.1f}", share * 100); }

void domain_table(std::string& out, const Model& model, const YearSheet& year) {
  out += fmt::format("{:<20} {:>6}", "domain (%)", "weight");
  for (const auto& direction : model.directions) out += fmt::format(" {:>6}", direction.id.substr(0, 6));
  out += fmt::format(" {:>6} {:>6} {:>6} {:>6}  {}\n", "other", "unall.", "HHI", "N_eff", "critical");
  for (const auto& domain : year.domains) {
    out += fmt::format("{:<20} {:>6.3f}", domain.id.substr(0, 20), domain.weight);
    std::vector<std::string> critical;
    for (const auto& entry : domain.directions) {
      out += fmt::format(" {:>6}", percent(entry.share));
      if (entry.critical) critical.push_back(entry.direction);
    }
    out += fmt::format(" {:>6} {:>6} {:>6.3f} {:>6.2f}  {}\n", percent(domain.other_share),
                       percent(1 - domain.allocated), domain.hhi, domain.effective_partners,
                       critical.empty() ? "-" : join(critical, ","));
  }
}

void role_map(std::string& out, const YearSheet& year) {
  out += "\nRole map (the direction with the largest share of each domain, lead in points)\n";
  for (const auto& direction : year.directions) {
    if (direction.leads.empty()) continue;
    std::vector<std::string> leads;
    for (const auto& id : direction.leads)
      for (const auto& domain : year.domains)
        if (domain.id == id) leads.push_back(fmt::format("{} (+{:.1f})", id, domain.lead_margin * 100));
    out += fmt::format("  {:<8} {}\n", direction.id, join(leads, ", "));
  }
}

void direction_table(std::string& out, const YearSheet& year) {
  out += fmt::format("\n{:<10} {:>10} {:>10}\n", "direction", "dependence", "leverage");
  for (const auto& direction : year.directions)
    out += fmt::format("{:<10} {:>10.3f} {:>10.3f}\n", direction.id, direction.dependence, direction.leverage);
}

std::string predictability_text(const YearSheet& year) {
  return year.predictability ? fmt::format("{:.3f}", *year.predictability) : std::string("n/a");
}

void series(std::string& out, const BalanceSheet& sheet) {
  out += "\nSeries (each year over the domains with data that year)\n";
  out += fmt::format("{:<6} {:>8} {:>8} {:>10} {:>8} {:>8} {:>14} {:>8}\n", "year", "coverage", "balance",
                     "separation", "max_dep", "max_lev", "predictability", "critical");
  for (const auto& year : sheet.years) {
    if (!year.has_ties()) {
      out += fmt::format("{:<6} {:>8}\n", year.year, "no ties");
      continue;
    }
    out += fmt::format("{:<6} {:>8.2f} {:>8.3f} {:>10.3f} {:>8.3f} {:>8.3f} {:>14} {:>8}\n", year.year,
                       year.coverage, year.balance, year.separation, year.max_dependence, year.max_leverage,
                       predictability_text(year), year.critical_pairs);
  }
}

void products(std::string& out, const YearSheet& year) {
  if (year.products.empty()) return;
  out += "\nProduct-level test (EC 2021 criteria, strict; persistence over the last 3 years)\n";
  for (const auto& verdict : year.products) {
    const auto& last = verdict.years.back();
    out += fmt::format("  {:<12} {:<22} criteria met in {} of {} years; {}: HHI {:.3f}, import dependence {:.3f}, "
                       "substitutability {:.3f}\n",
                       verdict.product, verdict.strategic_dependence ? "STRATEGIC DEPENDENCE" : "not dependent",
                       verdict.years_met, verdict.years.size(), last.year, last.hhi, last.import_dependence,
                       last.substitutability_ratio);
  }
}

}  // namespace

std::string balance_sheet_text(const Model& model, const BalanceSheet& sheet, int year_wanted) {
  const YearSheet* year = sheet.find_year(year_wanted);
  std::string out = fmt::format("Tengerim balance sheet: {} ({}), {}    [model {}]\n", sheet.name, sheet.focal,
                                year_wanted, sheet.origin);
  if (!year) {
    out += "No data for this year.\n";
    series(out, sheet);
    return out;
  }
  if (!year->has_ties()) {
    out += "No volume ties this year (no domain has data).\n";
    out += relations_text(year->relations);
    series(out, sheet);
    return out;
  }
  out += fmt::format("Domains with data: {} of {} (declared weight covered {:.0f}%, weights renormalised)\n\n",
                     year->domains.size(), model.domains.size(), year->coverage * 100);
  domain_table(out, model, *year);
  role_map(out, *year);
  direction_table(out, *year);
  out += fmt::format("\nbalance B = {:.3f}   separation Φ = {:.3f}   predictability = {}   critical pairs = {}\n",
                     year->balance, year->separation, predictability_text(*year), year->critical_pairs);
  out += fmt::format("max dependence = {:.3f}   max leverage = {:.3f}   evenness of dependence = {:.3f}\n",
                     year->max_dependence, year->max_leverage, year->dependence_evenness);
  products(out, *year);
  out += relations_text(year->relations);
  series(out, sheet);
  return out;
}

}  // namespace tengerim
