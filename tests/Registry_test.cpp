// The option registry is the one source of every front end's options: the
// reference doc is generated from it, and no layer below src/cli spells a CLI flag.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "TestSupport.h"
#include "report/OptionsReport.h"

namespace tengerim {
namespace {

namespace fs = std::filesystem;

TEST(OptionsDoc, IsTheRegistrysOwnOutput) {
  EXPECT_EQ(testing::read_text(testing::source_path("docs/options.md")), options_markdown())
      << "regenerate with: build/tengerim options --format markdown > docs/options.md";
  auto result = testing::run_tengerim({"options", "--format", "markdown"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, options_markdown());
}

TEST(OptionsDoc, NoCliFlagIsSpelledBelowTheCli) {
  // A string literal starting with "--" and a letter is a flag's spelling; only src/cli may hold one.
  const std::regex flag(R"re("--[a-z])re");
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_path("src"))) {
    const std::string path = entry.path().string();
    if (!entry.is_regular_file() || path.find("/src/cli/") != std::string::npos) continue;
    if (path.ends_with("_test.cpp")) continue;  // tests may run the CLI
    const auto lines = testing::split_lines(testing::read_text(path));
    for (size_t i = 0; i < lines.size(); ++i)
      if (std::regex_search(lines[i], flag)) found.push_back(path + ":" + std::to_string(i + 1) + ": " + lines[i]);
  }
  EXPECT_TRUE(found.empty()) << [&] {
    std::string all;
    for (const auto& line : found) all += line + "\n";
    return all;
  }();
}

TEST(OptionsDoc, TheVersionIsWrittenOnce) {
  // project(tengerim VERSION x.y.z) in CMakeLists.txt; the code asks common/Version.h.
  const std::regex version(R"(\b0\.1\.0\b)");
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_path("src"))) {
    if (!entry.is_regular_file()) continue;
    EXPECT_FALSE(std::regex_search(testing::read_text(entry.path().string()), version)) << entry.path();
  }
  EXPECT_TRUE(std::regex_search(testing::read_text(testing::source_path("CMakeLists.txt")), version));
}

TEST(CommandHelp, ListsEveryCliOptionOfEveryCommand) {
  auto options = testing::run_tengerim({"options", "--format", "json"});
  ASSERT_EQ(options.exit_code, 0);
  auto registry = nlohmann::json::parse(options.out);
  std::map<std::string, std::string> cli;
  for (const auto& option : registry["options"])
    if (!option["cli"].is_null()) cli[option["key"]] = option["cli"];
  for (const auto& command : registry["commands"]) {
    auto help = testing::run_tengerim({command["name"], "--help"});
    EXPECT_EQ(help.exit_code, 0) << command["name"];
    for (const auto& key : command["options"])
      if (cli.count(key)) {
        EXPECT_NE(help.out.find(cli[key]), std::string::npos) << command["name"] << " --help lacks " << cli[key];
      }
  }
}

}  // namespace
}  // namespace tengerim
