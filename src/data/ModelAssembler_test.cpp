// Building and extending model folders from importer results.
#include "data/ModelAssembler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "TestSupport.h"
#include "common/Error.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

namespace tengerim {
namespace {

ImportResult trade_result(const std::string& domain, int year, double china, double russia) {
  ImportResult result;
  result.domains.push_back({domain, domain, "USD", "", {0.5, 0.3, 0.7, "test judgement"}});
  result.ties.push_back({domain, "CHN", year, china, "src", "", 0});
  result.ties.push_back({domain, "RUS", year, russia, "src", "", 0});
  result.sources.push_back({"src", "Test publisher", "Test table", "2026", "tests"});
  return result;
}

ImportRequest request_for(const std::string& focal) {
  ImportRequest request;
  request.focal = focal;
  return request;
}

TEST(ModelAssembler, NewModelGetsDefaultDirectionsWithoutTheFocal) {
  Model model = assemble_model(std::nullopt, trade_result("exports", 2014, 3, 1), request_for("CHN"));
  EXPECT_EQ(model.focal, "CHN");
  EXPECT_EQ(model.first_year, 2014);
  for (const auto& direction : model.directions)
    for (const auto& member : direction.members) EXPECT_NE(member, "CHN");
  ASSERT_EQ(model.domains.size(), 1u);
  EXPECT_DOUBLE_EQ(model.domains[0].weight.value, 1.0);
}

TEST(ModelAssembler, FocalInsideABlocIsRemovedFromTheBloc) {
  Model model = assemble_model(std::nullopt, trade_result("exports", 2014, 3, 1), request_for("DEU"));
  for (const auto& bloc : model.blocs)
    for (const auto& member : bloc.members) EXPECT_NE(member, "DEU");
}

TEST(ModelAssembler, ExtendingAddsDomainsWithEqualWeightAndReplacesSameYears) {
  Model model = assemble_model(std::nullopt, trade_result("exports", 2014, 3, 1), request_for("KAZ"));
  model = assemble_model(model, trade_result("imports", 2014, 1, 1), request_for("KAZ"));
  model = assemble_model(model, trade_result("arms", 2015, 0, 5), request_for("KAZ"));
  ASSERT_EQ(model.domains.size(), 3u);
  double sum = 0;
  for (const auto& domain : model.domains) {
    EXPECT_NEAR(domain.weight.value, 1.0 / 3, 1e-12) << domain.id;  // 1 -> 1/2, 1/2 -> 1/3 each
    sum += domain.weight.value;
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_EQ(model.last_year, 2015);
  // Re-importing exports 2014 replaces the two rows rather than adding to them.
  model = assemble_model(model, trade_result("exports", 2014, 7, 2), request_for("KAZ"));
  int exports_rows = 0;
  for (const auto& tie : model.ties)
    if (tie.domain == "exports") {
      ++exports_rows;
      if (tie.partner == "CHN") {
        EXPECT_EQ(tie.value, 7);
      }
    }
  EXPECT_EQ(exports_rows, 2);
  EXPECT_EQ(model.domains.size(), 3u);
}

TEST(ModelAssembler, AnotherFocalIsRefused) {
  Model model = assemble_model(std::nullopt, trade_result("exports", 2014, 3, 1), request_for("KAZ"));
  EXPECT_THROW(assemble_model(model, trade_result("exports", 2014, 3, 1), request_for("MNG")), Error);
}

TEST(ModelAssembler, WrittenFolderReadsBackToTheSameFiles) {
  Model model = assemble_model(std::nullopt, trade_result("exports", 2014, 3, 1), request_for("MNG"));
  const std::string dir = testing::make_temp_dir("assembled") + "/mng";
  write_model_folder(model, dir);
  Model back = read_model(ModelSource::directory(dir));
  EXPECT_EQ(model_files(back), model_files(model));
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path());
}

TEST(ModelAssembler, AFailedWriteLeavesTheOldFolderAsItWas) {
  Model model = assemble_model(std::nullopt, trade_result("exports", 2014, 3, 1), request_for("MNG"));
  const std::string dir = testing::make_temp_dir("unchanged") + "/mng";
  write_model_folder(model, dir);
  const auto before = testing::read_text(dir + "/ties.csv");
  Model broken = model;
  broken.ties[0].source = "no-such-source";  // fails validation when read back
  EXPECT_THROW(write_model_folder(broken, dir), Error);
  EXPECT_EQ(testing::read_text(dir + "/ties.csv"), before);
  EXPECT_FALSE(std::filesystem::exists(dir + ".tengerim-new"));
  std::filesystem::remove_all(std::filesystem::path(dir).parent_path());
}

}  // namespace
}  // namespace tengerim
