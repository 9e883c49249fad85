#include "run/OptionRegistry.h"

#include <gtest/gtest.h>

#include "common/OptionError.h"
#include "run/RunOptions.h"

namespace tengerim {
namespace {

TEST(OptionRegistry, EveryDefaultKeepsItsOwnRule) {
  for (const auto& spec : option_specs()) EXPECT_NO_THROW(RunOptions::default_of(spec)) << spec.key;
  for (const auto& command : command_specs()) {
    RunOptions options(command);
    EXPECT_NO_THROW(options.to_json()) << command.name;
  }
}

TEST(OptionRegistry, EveryCommandOptionIsDeclaredAndNamedOnce) {
  for (const auto& command : command_specs())
    for (const auto& key : command.options) {
      ASSERT_NE(find_option(key), nullptr) << command.name << " " << key;
      EXPECT_EQ(find_command_option(command, std::string(option_spec(key).name())), &option_spec(key))
          << command.name << ": two options named " << option_spec(key).name();
    }
}

TEST(RunOptions, TextAndJsonGoThroughTheSameRule) {
  RunOptions cli("risk"), http("risk");
  cli.set_text("risk.draws", "2500");
  http.set_json("risk.draws", 2500);
  EXPECT_EQ(cli.integer("risk.draws"), 2500);
  EXPECT_EQ(http.integer("risk.draws"), 2500);
  for (auto* options : {&cli, &http}) EXPECT_EQ(options->integer("risk.draws"), 2500);
  try {
    cli.set_text("risk.draws", "-5");
    FAIL();
  } catch (const OptionError& error) {
    EXPECT_EQ(error.key(), "risk.draws");
    EXPECT_STREQ(error.what(), "risk.draws = -5: must be a whole number in [1, 1000000000]");
    EXPECT_EQ(error.message_for("--draws"), "--draws = -5: must be a whole number in [1, 1000000000]");
  }
  EXPECT_THROW(http.set_json("risk.draws", 2.5), OptionError);
  EXPECT_THROW(http.set_json("risk.draws", "2500"), OptionError);
}

TEST(RunOptions, ListsOpenRangesAndUnsetWords) {
  RunOptions risk("risk");
  risk.set_text("risk.level", std::vector<std::string>{"0.9", "0.99"});
  EXPECT_EQ(risk.numbers("risk.level"), (std::vector<double>{0.9, 0.99}));
  risk.set_text("risk.level", "0.95,0.999");
  EXPECT_EQ(risk.numbers("risk.level"), (std::vector<double>{0.95, 0.999}));
  EXPECT_THROW(risk.set_text("risk.level", "1"), OptionError);  // (0, 1) is open
  RunOptions optimize("optimize");
  EXPECT_FALSE(optimize.optional_number("optimize.budget"));  // default "none": no budget
  optimize.set_text("optimize.budget", "0.5");
  EXPECT_EQ(*optimize.optional_number("optimize.budget"), 0.5);
  optimize.set_text("optimize.budget", "none");
  EXPECT_FALSE(optimize.optional_number("optimize.budget"));
  EXPECT_THROW(optimize.set_text("optimize.budget", "-1"), OptionError);
}

TEST(RunOptions, ASeedTakesEvery64BitValue) {
  RunOptions risk("risk");
  risk.set_text("run.seed", "18446744073709551615");
  EXPECT_EQ(risk.seed("run.seed"), 18446744073709551615ULL);
  risk.set_json("run.seed", nlohmann::json(18446744073709551615ULL));
  EXPECT_EQ(risk.seed("run.seed"), 18446744073709551615ULL);
  EXPECT_THROW(risk.set_text("run.seed", "18446744073709551616"), OptionError);
}

TEST(RunOptions, FormatsAreTheCommandsOwn) {
  RunOptions risk("risk");
  EXPECT_THROW(risk.set_text("output.format", "csv"), OptionError);
  RunOptions report("report");
  EXPECT_NO_THROW(report.set_text("output.format", "csv"));
}

TEST(RunOptions, RequiredOptionsAreNamed) {
  RunOptions bargain("bargain");
  try {
    bargain.check_required();
    FAIL();
  } catch (const OptionError& error) {
    EXPECT_EQ(error.key(), "bargain.issue");
  }
}

}  // namespace
}  // namespace tengerim
