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

}  // namespace

std::string balance_sheet_csv(const BalanceSheet& sheet, std::optional<int> year) {
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
  }
  return out;
}

}  // namespace tengerim
