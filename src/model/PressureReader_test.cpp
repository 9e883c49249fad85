#include "model/PressureReader.h"

#include <gtest/gtest.h>

#include "common/Error.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

const char* kToml = R"(
[[powers]]
direction = "east"
tolerance = { value = 0.1, range = [0.0, 0.2], rationale = "test" }
strength = { value = 1.0, range = [0.5, 2.0], rationale = "test" }

[[powers]]
direction = "west"
tolerance = { value = 0.1, range = [0.0, 0.2], rationale = "test" }
strength = { value = 1.0, range = [0.5, 2.0], rationale = "test" }

[adjustment]
max_change = { value = 0.05, range = [0.02, 0.1], rationale = "test" }
move_cost = { value = 0.05, range = [0.01, 0.2], rationale = "test" }
tension_weight = { value = 0.05, range = [0.0, 0.2], rationale = "test" }
)";

std::string groups(const std::string& first_share, const std::string& second_share) {
  return "group,share,low,high,east,russia,west,south,region,source\n"
         "a," + first_share + ",0.1,0.9,0,1,0,0,0,judgement\n"
         "b," + second_share + ",0.1,0.9,0.5,0,0.5,0,0,judgement\n";
}

TEST(PressureReader, ReadsPowersAdjustmentAndGroups) {
  Model model = read_model(ModelSource::builtin("kaz"));
  PressureSpec spec = parse_pressure(kToml, "p.toml", groups("0.6", "0.4"), "g.csv", model);
  ASSERT_EQ(spec.powers.size(), 2u);
  EXPECT_EQ(spec.powers[1].direction, "west");
  ASSERT_EQ(spec.groups.size(), 2u);
  EXPECT_EQ(spec.groups[1].orientation, (std::vector<double>{0.5, 0, 0.5, 0, 0}));
}

TEST(PressureReader, SharesNotSummingToOneAreAnErrorNamingFileLineAndField) {
  Model model = read_model(ModelSource::builtin("kaz"));
  try {
    parse_pressure(kToml, "p.toml", groups("0.6", "0.3"), "g.csv", model);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::InvalidModel);
    EXPECT_EQ(error.where().file, "g.csv");
    EXPECT_EQ(error.where().line, 3);
    EXPECT_EQ(error.where().field, "share");
    EXPECT_NE(error.detail().find("sum to 0.9"), std::string::npos) << error.detail();
  }
}

TEST(PressureReader, OrientationNotSummingToOneIsAnError) {
  Model model = read_model(ModelSource::builtin("kaz"));
  std::string bad = "group,share,low,high,east,russia,west,south,region,source\n"
                    "a,1,1,1,0.5,0.4,0,0,0,judgement\n";
  EXPECT_THROW(parse_pressure(kToml, "p.toml", bad, "g.csv", model), Error);
}

TEST(PressureReader, BuiltinModelReadsAndItsGroupsSumToOne) {
  Model model = read_model(ModelSource::builtin("kaz"));
  PressureSpec spec = read_pressure(ModelSource::builtin("kaz"), model);
  double sum = 0;
  for (const auto& group : spec.groups) sum += group.share.value;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  EXPECT_EQ(spec.powers.size(), 3u);
}

}  // namespace
}  // namespace tengerim
