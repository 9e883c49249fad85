// One test per validation rule: a copy of tests/models/small with one defect,
// run through the CLI; the message must name file, line and field, exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <ostream>

#include "TestSupport.h"

namespace tengerim {
namespace {

struct Defect {
  const char* name;
  const char* file;        // which file of the model to change
  const char* find;        // text to replace ("" = append `replace` at the end)
  const char* replace;
  const char* location;    // expected "file:line: field 'x'"
  const char* message;     // expected fragment of the explanation
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const Defect& defect, std::ostream* out) { *out << defect.name; }

std::string apply(std::string text, const Defect& defect) {
  if (std::string(defect.find).empty()) return text + defect.replace;
  auto at = text.find(defect.find);
  if (at == std::string::npos) throw std::runtime_error(std::string("test setup: no '") + defect.find + "'");
  return text.replace(at, std::string(defect.find).size(), defect.replace);
}

class ModelValidation : public ::testing::TestWithParam<Defect> {};

TEST_P(ModelValidation, NamesFileLineAndFieldAndExitsTwo) {
  const Defect& defect = GetParam();
  const std::string dir = testing::make_temp_dir(defect.name);
  for (const char* file : {"model.toml", "ties.csv", "sources.csv"}) {
    std::string text = testing::read_text(testing::source_path(std::string("tests/models/small/") + file));
    if (std::string(file) == defect.file) text = apply(text, defect);
    testing::write_text(dir + "/" + file, text);
  }
  auto result = testing::run_tengerim({"report", dir, "--format", "json", "--out", dir + "/out.json"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(dir + "/" + defect.location), std::string::npos)
      << "expected location " << defect.location << " in: " << result.err;
  EXPECT_NE(result.err.find(defect.message), std::string::npos) << "expected '" << defect.message << "' in: " << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.json")) << "nothing may be written on error";
  EXPECT_TRUE(result.out.empty());
  std::filesystem::remove_all(dir);
}

const Defect kDefects[] = {
    {"weights", "model.toml", "value = 0.4, range = [0.3, 0.5]", "value = 0.5, range = [0.3, 0.5]",
     "model.toml:18: field 'domains'", "weights must sum to 1, they sum to 1.1"},
    {"negative", "ties.csv", "exports,RUS,2020,20,s1", "exports,RUS,2020,-20,s1", "ties.csv:3: field 'value'",
     "must be non-negative"},
    {"not_a_number", "ties.csv", "exports,RUS,2020,20,s1", "exports,RUS,2020,twenty,s1", "ties.csv:3: field 'value'",
     "'twenty' is not a finite number"},
    {"infinite", "ties.csv", "exports,RUS,2020,20,s1", "exports,RUS,2020,inf,s1", "ties.csv:3: field 'value'",
     "not a finite number"},
    {"missing_value", "ties.csv", "exports,RUS,2020,20,s1", "exports,RUS,2020,,s1", "ties.csv:3: field 'value'",
     "missing value"},
    {"unknown_partner", "ties.csv", "exports,DEU,2020", "exports,XYZ,2020", "ties.csv:5: field 'partner'",
     "unknown partner code 'XYZ'"},
    {"unknown_domain", "ties.csv", "arms,RUS,2020", "tanks,RUS,2020", "ties.csv:6: field 'domain'",
     "unknown domain 'tanks'"},
    {"partner_in_two_directions", "model.toml", "members = [\"USA\", \"DEU\"]", "members = [\"USA\", \"RUS\"]",
     "model.toml:16: field 'directions[2].members'", "partner 'RUS' is already in direction 'russia'"},
    {"duplicate_row", "ties.csv", "", "exports,CHN,2020,1,s1\n", "ties.csv:13: field 'partner'",
     "duplicate tie (exports, CHN, 2020): first given on line 2"},
    {"missing_source", "ties.csv", "arms,RUS,2021,60,s1", "arms,RUS,2021,60,s9", "ties.csv:11: field 'source'",
     "source 's9' is not in sources.csv"},
    {"year_outside_range", "ties.csv", "arms,CHN,2021", "arms,CHN,2031", "ties.csv:12: field 'year'",
     "year 2031 is outside the model's years [2020, 2021]"},
    {"unknown_toml_key", "model.toml", "name = \"Kazakhstan (test)\"", "name = \"K\"\ncolour = \"blue\"",
     "model.toml:4: field 'colour'", "unknown key"},
    {"unknown_domain_key", "model.toml", "unit = \"TIV\"", "unit = \"TIV\"\nweigth = 1", "model.toml:27: field 'domains[1].weigth'",
     "unknown key"},
    {"judgement_without_range", "model.toml", "weight = { value = 0.6, range = [0.5, 0.7], rationale = \"test\" }",
     "weight = { value = 0.6, rationale = \"test\" }", "model.toml:21: field 'domains[0].weight.range'",
     "missing required key"},
    {"unknown_column", "ties.csv", "domain,partner,year,value,source", "domain,partner,year,valeu,source",
     "ties.csv:1: field 'valeu'", "unknown column"},
    {"ragged_row", "ties.csv", "exports,RUS,2020,20,s1", "exports,RUS,2020,20", "ties.csv:3", "expected 5 fields, found 4"},
    {"non_utf8", "ties.csv", "exports,RUS,2020,20,s1", "exports,RUS,2020,20,s\xff", "ties.csv:3", "not valid UTF-8"},
    {"unknown_parameter", "model.toml", "", "\n[parameters]\ncritical_shares = 0.5\n",
     "model.toml:31: field 'parameters.critical_shares'", "unknown parameter"},
    {"parameter_out_of_range", "model.toml", "", "\n[parameters]\ncritical_share = 1.5\n",
     "model.toml:31: field 'parameters.critical_share'", "must be within [0, 1]"},
    {"unknown_focal", "model.toml", "focal = \"KAZ\"", "focal = \"KZX\"", "model.toml:2: field 'focal'",
     "unknown ISO3 code 'KZX'"},
    {"world_below_listed", "ties.csv", "", "exports,WLD,2020,50,s1\n", "ties.csv:13: field 'value'",
     "the total (WLD) 50 is less than the sum of the listed partners 100"},
    {"duplicate_source", "sources.csv", "", "s1,Again,Again,2026,x\n", "sources.csv:3: field 'id'",
     "duplicate source id 's1'"},
    {"bad_toml", "model.toml", "years = [2020, 2021]", "years = [2020, 2021", "model.toml:6", "not valid TOML"},
};

INSTANTIATE_TEST_SUITE_P(EveryRule, ModelValidation, ::testing::ValuesIn(kDefects),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(ModelValidationMissingFile, MissingModelTomlIsAnIoError) {
  const std::string dir = testing::make_temp_dir("empty-model");
  auto result = testing::run_tengerim({"report", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(dir + "/model.toml"), std::string::npos) << result.err;
  std::filesystem::remove_all(dir);
}

TEST(ModelValidationMissingFile, EmptyTiesFileIsNamed) {
  const std::string dir = testing::make_temp_dir("empty-ties");
  for (const char* file : {"model.toml", "sources.csv"})
    testing::write_text(dir + "/" + file,
                        testing::read_text(testing::source_path(std::string("tests/models/small/") + file)));
  testing::write_text(dir + "/ties.csv", "");
  auto result = testing::run_tengerim({"report", dir});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("ties.csv"), std::string::npos);
  EXPECT_NE(result.err.find("empty"), std::string::npos) << result.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tengerim
