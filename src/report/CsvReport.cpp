#include "report/CsvReport.h"

#include <fmt/format.h>

namespace tengerim {
namespace {

void row(std::string& out, int year, const char* scope, const std::string& domain, const std::string& direction,
         const char* measure, double value, const char* basis = "") {
  out += fmt::format("{},{},{},{},{},{},{}\n", year, scope, domain, direction, measure, value, basis);
}

// Composites are written only for published years (the coverage rule).
template <typename T>
void optional_row(std::string& out, int year, const char* measure, const std::optional<T>& value) {
  if (value) row(out, year, "year", "", "", measure, static_cast<double>(*value));
}

void band_rows(std::string& out, int year, const std::string& direction, const std::string& measure,
               const std::optional<Band>& band) {
  if (!band) return;
  row(out, year, "band", "", direction, (measure + "_p05").c_str(), band->p05);
  row(out, year, "band", "", direction, (measure + "_p50").c_str(), band->p50);
  row(out, year, "band", "", direction, (measure + "_p95").c_str(), band->p95);
}

// A sensitivity run's rows for one year: scope "band".
void bands_rows(std::string& out, const YearBands& bands) {
  const int y = bands.year;
  row(out, y, "band", "", "", "published_share", bands.published_share);
  band_rows(out, y, "", "balance", bands.balance);
  band_rows(out, y, "", "separation", bands.separation);
  band_rows(out, y, "", "predictability", bands.predictability);
  band_rows(out, y, "", "max_dependence", bands.max_dependence);
  band_rows(out, y, "", "max_leverage", bands.max_leverage);
  band_rows(out, y, "", "leverage_gap", bands.leverage_gap);
  for (const auto& entry : bands.dependence) band_rows(out, y, entry.name, "dependence", entry.band);
  for (const auto& entry : bands.leverage) band_rows(out, y, entry.name, "leverage", entry.band);
  for (const auto& entry : bands.critical) row(out, y, "band", entry.domain, entry.direction, "critical_share", entry.share);
  for (const auto& entry : bands.leads) row(out, y, "band", entry.domain, entry.direction, "lead_share", entry.share);
}

}  // namespace

std::string balance_sheet_csv(const BalanceSheet& sheet, std::optional<int> year, const SheetBands* bands) {
  std::string out = "year,scope,domain,direction,measure,value,basis\n";
  for (const auto& entry : sheet.years) {
    if (year && entry.year != *year) continue;
    const int y = entry.year;
    for (const auto& domain : entry.domains) {
      const char* basis = to_string(domain.basis);
      row(out, y, "domain", domain.id, "", "weight", domain.weight, basis);
      if (domain.basis == Basis::Carried || domain.basis == Basis::Interpolated)
        row(out, y, "domain", domain.id, "", "age", domain.age, basis);
      if (domain.basis == Basis::Window) row(out, y, "domain", domain.id, "", "window", domain.window, basis);
      row(out, y, "domain", domain.id, "", "total", domain.total);
      row(out, y, "domain", domain.id, "", "allocated", domain.allocated);
      row(out, y, "domain", domain.id, "", "hhi", domain.hhi);
      row(out, y, "domain", domain.id, "", "effective_partners", domain.effective_partners);
      row(out, y, "domain", domain.id, "", "entropy", domain.entropy);
      row(out, y, "domain", domain.id, "", "exp_entropy", domain.exp_entropy);
      row(out, y, "domain", domain.id, "", "theil", domain.theil);
      row(out, y, "domain", domain.id, "", "direction_evenness", domain.evenness);
      row(out, y, "domain", domain.id, "other", "share", domain.other_share);
      row(out, y, "domain", domain.id, "other", "largest_partner_share", domain.other.share);
      row(out, y, "domain", domain.id, "other", "critical", domain.other.critical ? 1 : 0);
      for (const auto& direction : domain.directions) {
        row(out, y, "domain", domain.id, direction.direction, "share", direction.share);
        row(out, y, "domain", domain.id, direction.direction, "substitutability", direction.substitutability);
        row(out, y, "domain", domain.id, direction.direction, "critical", direction.critical ? 1 : 0);
        row(out, y, "domain", domain.id, direction.direction, "leads", domain.leader == direction.direction ? 1 : 0);
      }
    }
    for (const auto& direction : entry.directions) {
      row(out, y, "direction", "", direction.id, "dependence", direction.dependence);
      row(out, y, "direction", "", direction.id, "leverage", direction.leverage);
      row(out, y, "direction", "", direction.id, "led_weight", direction.led_weight);
    }
    row(out, y, "year", "", "", "coverage", entry.coverage);
    row(out, y, "year", "", "", "published", entry.published ? 1 : 0);
    optional_row(out, y, "balance", entry.balance);
    optional_row(out, y, "leverage_gap", entry.leverage_gap);
    optional_row(out, y, "separation", entry.separation);
    optional_row(out, y, "max_dependence", entry.max_dependence);
    optional_row(out, y, "max_leverage", entry.max_leverage);
    optional_row(out, y, "dependence_evenness", entry.dependence_evenness);
    optional_row(out, y, "critical_pairs", entry.critical_pairs);
    optional_row(out, y, "predictability", entry.predictability);
    for (const auto& verdict : entry.products) {
      row(out, y, "product", verdict.product, "", "strategic_dependence", verdict.strategic_dependence ? 1 : 0);
      row(out, y, "product", verdict.product, "", "years_met", verdict.years_met);
    }
    if (const YearBands* found = bands ? bands->find_year(y) : nullptr) bands_rows(out, *found);
  }
  return out;
}

}  // namespace tengerim
