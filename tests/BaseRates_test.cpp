// The base rates of the built-in CPC shocks (docs/risk.md, "Base rates"):
// the counts of disruption years recomputed from disruptions.csv, every source
// resolving to a citation, and the scenario's probabilities equal to the Beta
// posterior those counts give.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "TestSupport.h"
#include "common/CsvTable.h"

namespace tengerim {
namespace {

using testing::read_text;
using testing::source_path;

int days_between(const std::string& start, const std::string& end) {
  auto day_number = [](const std::string& date) {  // days since 2000-01-01, months of 30.44 days: enough for >= 7
    const int year = std::stoi(date.substr(0, 4)), month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
    return (year - 2000) * 365.25 + (month - 1) * 30.44 + day;
  };
  return static_cast<int>(day_number(end) - day_number(start));
}

TEST(BaseRates, CpcProbabilitiesAreTheBetaPosteriorsOfTheDisruptionTable) {
  const CsvTable table = CsvTable::parse(read_text(source_path("data/models/kaz/disruptions.csv")), "disruptions.csv");
  const CsvTable sources =
      CsvTable::parse(read_text(source_path("data/models/kaz/corridor_sources.csv")), "corridor_sources.csv");
  std::set<std::string> cited;
  for (const auto& row : sources.rows()) cited.insert(sources.cell(row, *sources.find_column("id")));
  std::set<int> outage_years, actor_years;
  for (const auto& row : table.rows()) {
    EXPECT_TRUE(cited.count(table.cell(row, *table.find_column("source")))) << table.cell(row, 0);
    if (table.cell(row, *table.find_column("edge")) != "cpc") continue;
    const std::string start = table.cell(row, *table.find_column("start"));
    const int year = std::stoi(start.substr(0, 4));
    if (!table.cell(row, *table.find_column("actor")).empty()) actor_years.insert(year);
    else if (days_between(start, table.cell(row, *table.find_column("end"))) >= 7) outage_years.insert(year);
  }
  const int years = 6;  // 2020-2025, the years the table covers
  EXPECT_EQ(outage_years, (std::set<int>{2022, 2025}));
  EXPECT_EQ(actor_years, (std::set<int>{2022}));
  // Jeffreys posterior mean (0.5 + k) / (1 + n): 2.5 / 7 for the outage.
  const double outage_mean = (0.5 + static_cast<double>(outage_years.size())) / (1.0 + years);
  const auto run = testing::run_tengerim({"risk", "--draws", "1000", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  double outage = -1, halt = -1;
  for (const auto& shock : json["shocks"]) {
    if (shock["id"] == "cpc-halt") outage = shock["probability"].get<double>();
    if (shock["id"] == "cpc-russian-halt") halt = shock["probability"].get<double>();
  }
  EXPECT_NEAR(outage, outage_mean, 0.005);  // written as 0.36
  // The Russian halt is put below its posterior mean 1.5 / 7 (neither action stopped the flow).
  EXPECT_GT(halt, 0);
  EXPECT_LT(halt, (0.5 + static_cast<double>(actor_years.size())) / (1.0 + years));
}

}  // namespace
}  // namespace tengerim
