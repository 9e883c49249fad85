#include "measure/SheetSize.h"

#include <algorithm>
#include <regex>

namespace tengerim {
namespace {

std::optional<double> share_of(double usd, const std::optional<double>& gdp) {
  if (!gdp || *gdp <= 0) return std::nullopt;
  return usd / *gdp;
}

// GDP of `year` or of the latest earlier one within kGdpCarryYears, with the note saying which.
void set_gdp(const Model& model, int year, YearSize& out) {
  if (model.gdp.empty()) {
    out.note = "the model has no gdp.csv: bandwidth in US dollars only";
    return;
  }
  for (int back = 0; back <= kGdpCarryYears; ++back) {
    auto found = model.gdp.find(year - back);
    if (found == model.gdp.end()) continue;
    out.gdp_usd = found->second.value_usd;
    out.gdp_year = year - back;
    if (back > 0) out.note = "GDP of " + std::to_string(out.gdp_year) + " carried forward (gdp.csv ends earlier)";
    return;
  }
  out.note = "gdp.csv has no GDP for " + std::to_string(year) + " or the " + std::to_string(kGdpCarryYears) +
             " years before: bandwidth in US dollars only";
}

}  // namespace

std::optional<double> usd_per_unit(const std::string& unit) {
  static const std::regex money(R"(^\s*(thousand|million|billion)?\s*(USD|US\$|US dollars)\b.*$)", std::regex::icase);
  std::smatch match;
  if (!std::regex_match(unit, match, money)) return std::nullopt;
  std::string scale = match[1].str();
  std::transform(scale.begin(), scale.end(), scale.begin(), [](unsigned char c) { return std::tolower(c); });
  if (scale == "thousand") return 1e3;
  if (scale == "million") return 1e6;
  if (scale == "billion") return 1e9;
  return 1.0;
}

YearSize measure_size(const Model& model, const YearSheet& year) {
  YearSize out;
  set_gdp(model, year.year, out);
  const size_t count = model.directions.size();
  for (const auto& domain : year.domains) {
    const std::optional<double> scale = usd_per_unit(domain.unit);
    if (!scale) {
      out.not_in_money.push_back(domain.id);
      continue;
    }
    DomainSize size{domain.id, domain.total * *scale, std::nullopt, {}, {}};
    size.gdp_share = share_of(size.usd, out.gdp_usd);
    for (size_t c = 0; c <= count; ++c) {
      const DirectionShare& entry = c < count ? domain.directions[c] : domain.other;
      const double usd = entry.share * size.usd;
      size.directions.push_back({entry.direction, "", usd, share_of(usd, out.gdp_usd)});
    }
    // partners_by_share is sorted by share, so the first five are the largest.
    for (size_t i = 0; i < domain.partners_by_share.size() && i < 5; ++i) {
      const PartnerShare& partner = domain.partners_by_share[i];
      const double usd = partner.value * *scale;
      size.partners.push_back({partner.partner, partner.direction, usd, share_of(usd, out.gdp_usd)});
    }
    out.domains.push_back(std::move(size));
  }
  return out;
}

}  // namespace tengerim
