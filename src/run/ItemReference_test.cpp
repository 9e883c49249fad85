#include "run/ItemReference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "TestSupport.h"
#include "common/OptionError.h"
#include "model/StakeholderReader.h"

namespace tengerim {
namespace {

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(ItemReference, BuiltinKazakhstanIssueHasTheNamedStakeholders) {
  ASSERT_TRUE(has(item_names(ItemKind::Issue, nullptr).builtin, "kaz-oil-routes-2030"));
  ItemText item = resolve_item(ItemKind::Issue, "builtin:kaz-oil-routes-2030", nullptr, "bargain.issue");
  EXPECT_EQ(item.reference, "builtin:kaz-oil-routes-2030");
  auto set = read_stakeholders(item.text, item.reference);
  for (const char* actor : {"Kazakhstan government", "China", "Russia", "USA", "EU", "Türkiye", "KazMunayGas",
                            "Oil field operators", "Kazakh public"})
    EXPECT_TRUE(std::any_of(set.members.begin(), set.members.end(), [&](const Stakeholder& s) { return s.actor == actor; }))
        << actor;
  // Positions are % of oil exports routed outside Russia.
  for (const auto& member : set.members) {
    EXPECT_GE(member.position, 0);
    EXPECT_LE(member.position, 100);
  }
}

TEST(ItemReference, UnknownBuiltinNamesTheOptionAndTheKnownItems) {
  try {
    resolve_item(ItemKind::Issue, "builtin:nowhere", nullptr, "bargain.issue");
    FAIL() << "expected an error";
  } catch (const OptionError& error) {
    EXPECT_EQ(error.key(), "bargain.issue");
    EXPECT_NE(std::string(error.what()).find("builtin:kaz-oil-routes-2030"), std::string::npos) << error.what();
  }
}

TEST(ItemReference, ModelItemsComeFromTheModelFolderAndBareNamesPreferThem) {
  const ModelSource kaz = ModelSource::builtin("kaz");
  const ItemNames names = item_names(ItemKind::Scenario, &kaz);
  EXPECT_TRUE(has(names.model, "cpc-halt"));
  EXPECT_TRUE(has(names.model, "default"));
  ItemText bare = resolve_item(ItemKind::Scenario, "cpc-halt", &kaz, "shock.scenario");
  ItemText named = resolve_item(ItemKind::Scenario, "model:cpc-halt", &kaz, "shock.scenario");
  EXPECT_EQ(bare.reference, "model:cpc-halt");
  EXPECT_EQ(bare.text, named.text);
  EXPECT_EQ(bare.file, "builtin:kaz/scenarios/cpc-halt.toml");
  // A policy the model folder does not have is the shipped one.
  ItemText policy = resolve_item(ItemKind::Policy, "tilt-east", &kaz, "simulate.policy");
  EXPECT_EQ(policy.reference, "builtin:tilt-east");
}

TEST(ItemReference, TheServerNeverReadsAPath) {
  const std::string dir = testing::make_temp_dir("item-path");
  testing::write_text(dir + "/mine.toml", "name = \"x\"\n");
  EXPECT_EQ(resolve_item(ItemKind::Policy, dir + "/mine.toml", nullptr, "simulate.policy").text, "name = \"x\"\n");
  EXPECT_THROW(resolve_item(ItemKind::Policy, dir + "/mine.toml", nullptr, "simulate.policy", false), OptionError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tengerim
