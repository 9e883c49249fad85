#include "model/GdpReader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "TestSupport.h"
#include "common/Error.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

std::string small_model_with_gdp(const std::string& name, const std::string& gdp) {
  const std::string dir = testing::make_temp_dir(name);
  for (const char* file : {"model.toml", "ties.csv", "sources.csv"})
    testing::write_text(dir + "/" + file, testing::read_text(testing::source_path(std::string("tests/models/small/") + file)));
  testing::write_text(dir + "/gdp.csv", gdp);
  return dir;
}

TEST(GdpReader, ReadsEveryYearAndWritesTheSameFileBack) {
  const std::string text = "year,value,source\n2020,171082365861.42,s1\n2021,197112255360.2,s1\n";
  const std::string dir = small_model_with_gdp("gdp-ok", text);
  Model model = read_model(ModelSource::directory(dir));
  ASSERT_EQ(model.gdp.size(), 2u);
  EXPECT_DOUBLE_EQ(model.gdp.at(2020).value_usd, 171082365861.42);
  EXPECT_EQ(model.gdp.at(2021).source, "s1");
  EXPECT_EQ(gdp_csv(model), text);
  std::filesystem::remove_all(dir);
}

TEST(GdpReader, RejectsANonPositiveValueWithItsLine) {
  const std::string dir = small_model_with_gdp("gdp-bad", "year,value,source\n2020,1e11,s1\n2021,-5,s1\n");
  try {
    read_model(ModelSource::directory(dir));
    FAIL() << "a negative GDP must be rejected";
  } catch (const Error& error) {
    EXPECT_EQ(error.where().line, 3);
    EXPECT_EQ(error.where().field, "value");
  }
  std::filesystem::remove_all(dir);
}

TEST(GdpReader, RejectsADuplicateYear) {
  const std::string dir = small_model_with_gdp("gdp-dup", "year,value,source\n2020,1e11,s1\n2020,2e11,s1\n");
  EXPECT_THROW(read_model(ModelSource::directory(dir)), Error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tengerim
