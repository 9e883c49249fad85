#include "report/TextReport.h"

#include <fmt/format.h>

#include "common/Text.h"
#include "report/RelationsText.h"

namespace tengerim {
namespace {

std::string percent(double share) { return fmt::format("{:5.1f}", share * 100); }

// The basis mark of a domain's figure: how it was made (legend printed below the table).
std::string basis_mark(const DomainSheet& domain) {
  switch (domain.basis) {
    case Basis::Observed: return "obs";
    case Basis::Carried: return fmt::format("c+{}", domain.age);
    case Basis::Interpolated: return fmt::format("i{}", domain.age);
    case Basis::Window: return fmt::format("w{}", domain.window);
    case Basis::None: return "-";
  }
  return "-";
}

std::string value_or_na(const std::optional<double>& value) {
  return value ? fmt::format("{:.3f}", *value) : std::string("n/a");
}

void domain_table(std::string& out, const Model& model, const YearSheet& year) {
  out += fmt::format("{:<20} {:>5} {:>6}", "domain (%)", "basis", "weight");
  for (const auto& direction : model.directions) out += fmt::format(" {:>6}", direction.id.substr(0, 6));
  out += fmt::format(" {:>6} {:>6} {:>6} {:>6}  {}\n", "other", "unall.", "HHI", "N_eff", "critical");
  for (const auto& domain : year.domains) {
    out += fmt::format("{:<20} {:>5} {:>6.3f}", domain.id.substr(0, 20), basis_mark(domain), domain.weight);
    std::vector<std::string> critical;
    for (const auto& entry : domain.directions) {
      out += fmt::format(" {:>6}", percent(entry.share));
      if (entry.critical) critical.push_back(entry.direction);
    }
    if (domain.other.critical) critical.push_back("other:" + domain.other_partner);
    out += fmt::format(" {:>6} {:>6} {:>6.3f} {:>6.2f}  {}\n", percent(domain.other_share),
                       percent(1 - domain.allocated), domain.hhi, domain.effective_partners,
                       critical.empty() ? "-" : join(critical, ","));
  }
  out += "basis: obs observed; c+N carried forward N years; iN interpolated, N years from an observation; "
         "wN sum or mean of N years\n";
  if (!year.missing_domains.empty()) out += "missing: " + join(year.missing_domains, ", ") + "\n";
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

std::string band_text(const std::optional<Band>& band) {
  return band ? fmt::format("{:.3f} [{:.3f}, {:.3f}]", band->p50, band->p05, band->p95) : std::string("n/a");
}

// The year's bands: medians and 5-95 % ranges over the draws that publish it.
void bands_text(std::string& out, const SheetBands& bands, const YearBands& year) {
  out += fmt::format("\nBands ({} draws of every judgement, seed {}; median [5 %, 95 %] over the {} draws that "
                     "publish {}, {:.0f}% of them)\n",
                     bands.draws, bands.seed, year.published_draws, year.year, year.published_share * 100);
  if (year.published_draws == 0) {
    out += "  no draw publishes this year\n";
  } else {
    out += fmt::format("  balance B       {}\n  separation Φ    {}\n  predictability  {}\n  max dependence  {}\n"
                       "  max leverage    {}\n  leverage gap    {}\n",
                       band_text(year.balance), band_text(year.separation), band_text(year.predictability),
                       band_text(year.max_dependence), band_text(year.max_leverage), band_text(year.leverage_gap));
    out += fmt::format("  {:<10} {:>24} {:>24}\n", "direction", "dependence", "leverage");
    for (size_t c = 0; c < year.dependence.size(); ++c)
      out += fmt::format("  {:<10} {:>24} {:>24}\n", year.dependence[c].name, band_text(year.dependence[c].band),
                         band_text(year.leverage[c].band));
  }
  std::vector<std::string> flags, leads;
  for (const auto& entry : year.critical)
    flags.push_back(fmt::format("{}/{} {:.0f}%", entry.domain, entry.direction, entry.share * 100));
  for (const auto& entry : year.leads)
    leads.push_back(fmt::format("{}/{} {:.0f}%", entry.domain, entry.direction, entry.share * 100));
  out += "  critical in (share of draws): " + (flags.empty() ? std::string("none") : join(flags, ", ")) + "\n";
  out += "  leads (share of draws): " + (leads.empty() ? std::string("none") : join(leads, ", ")) + "\n";
}

void series(std::string& out, const BalanceSheet& sheet, const SheetBands* bands) {
  out += fmt::format("\nSeries ({} basis; composites only for published years, docs/measures.md)\n",
                     sheet.basis == "observed" ? "observed-only" : "fixed-basket");
  out += fmt::format("{:<6} {:>8} {:>8} {:>10} {:>8} {:>8} {:>14} {:>8}", "year", "coverage", "balance",
                     "separation", "max_dep", "max_lev", "predictability", "critical");
  out += bands ? fmt::format("  {:>20} {:>9}\n", "B band [5%, 95%]", "published") : std::string("\n");
  for (const auto& year : sheet.years) {
    if (!year.has_ties()) {
      out += fmt::format("{:<6} {:>8}\n", year.year, "no ties");
      continue;
    }
    const YearBands* band = bands ? bands->find_year(year.year) : nullptr;
    if (!year.published) {
      // Padded to the width of a published row only when a band column follows.
      out += fmt::format("{:<6} {:>8.2f} {:<{}}", year.year, year.coverage, "insufficient data", band ? 61 : 0);
    } else {
      out += fmt::format("{:<6} {:>8.2f} {:>8.3f} {:>10.3f} {:>8.3f} {:>8.3f} {:>14} {:>8}", year.year,
                         year.coverage, *year.balance, *year.separation, *year.max_dependence, *year.max_leverage,
                         predictability_text(year), *year.critical_pairs);
    }
    if (band)
      out += fmt::format("  {:>20} {:>8.0f}%",
                         band->balance ? fmt::format("[{:.3f}, {:.3f}]", band->balance->p05, band->balance->p95)
                                       : std::string("-"),
                         band->published_share * 100);
    out += "\n";
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

std::string balance_sheet_text(const Model& model, const BalanceSheet& sheet, int year_wanted,
                               const SheetBands* bands) {
  const YearSheet* year = sheet.find_year(year_wanted);
  std::string out = fmt::format("Tengerim balance sheet: {} ({}), {}    [model {}]\n", sheet.name, sheet.focal,
                                year_wanted, sheet.origin);
  if (!year) {
    out += "No data for this year.\n";
    series(out, sheet, bands);
    return out;
  }
  if (!year->has_ties()) {
    out += "No volume ties this year (no domain has data).\n";
    out += relations_text(year->relations);
    series(out, sheet, bands);
    return out;
  }
  out += fmt::format("Domains present: {} of {} (declared weight covered {:.0f}%, {} basis)\n\n",
                     year->domains.size(), model.domains.size(), year->coverage * 100,
                     sheet.basis == "observed" ? "observed-only" : "fixed-basket");
  domain_table(out, model, *year);
  if (!year->published) {
    out += "\nComposites not published: " + year->unpublished_reason + ".\n";
  } else {
    role_map(out, *year);
    direction_table(out, *year);
    out += fmt::format("\nbalance B = {:.3f}   separation Φ = {:.3f}   predictability = {}   critical pairs = {}\n",
                       *year->balance, *year->separation, predictability_text(*year), *year->critical_pairs);
    out += fmt::format("max dependence = {:.3f}   max leverage = {:.3f}   leverage gap = {:.3f}   evenness of "
                       "dependence = {}\n",
                       *year->max_dependence, *year->max_leverage, *year->leverage_gap,
                       value_or_na(year->dependence_evenness));
  }
  if (const YearBands* band = bands ? bands->find_year(year->year) : nullptr) bands_text(out, *bands, *band);
  products(out, *year);
  out += relations_text(year->relations);
  series(out, sheet, bands);
  return out;
}

}  // namespace tengerim
