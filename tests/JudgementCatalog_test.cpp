// `tengerim params` lists every judgement of a model folder: checked on the
// built-in model against the files read by another route (a text scan).
#include <gtest/gtest.h>

#include <regex>

#include "TestSupport.h"
#include "model/JudgementCatalog.h"

namespace tengerim {
namespace {

const DeclaredJudgement& find(const std::vector<DeclaredJudgement>& all, const std::string& file,
                              const std::string& key) {
  for (const auto& entry : all)
    if (entry.file == file && entry.key == key) return entry;
  throw std::runtime_error("no judgement " + file + " " + key);
}

// Occurrences of `range = [` outside comments: one per TOML judgement.
size_t ranges_in(const std::string& relative) {
  size_t count = 0;
  const std::regex range(R"(range\s*=\s*\[)");
  for (std::string line : testing::split_lines(testing::read_text(testing::source_path(relative)))) {
    line = line.substr(0, line.find('#') == std::string::npos ? line.size() : line.find('#'));
    count += static_cast<size_t>(std::distance(std::sregex_iterator(line.begin(), line.end(), range), {}));
  }
  return count;
}

TEST(JudgementCatalog, ListsEveryJudgementOfTheBuiltinModel) {
  const auto all = declared_judgements(ModelSource::builtin("kaz"));
  for (const char* file : {"model.toml", "pressure.toml", "coupling.toml", "scenarios/cpc-halt.toml",
                           "scenarios/default.toml", "scenarios/china-border-closure.toml"}) {
    const size_t listed = static_cast<size_t>(
        std::count_if(all.begin(), all.end(), [&](const DeclaredJudgement& entry) { return entry.file == file; }));
    EXPECT_EQ(listed, ranges_in(std::string("data/models/kaz/") + file)) << file;
  }
  // Values as written in the files.
  const auto& tolerance = find(all, "pressure.toml", "powers[east].tolerance");
  EXPECT_EQ(tolerance.judgement.value, 0.40);
  EXPECT_EQ(tolerance.judgement.low, 0.25);
  EXPECT_EQ(tolerance.judgement.high, 0.50);
  EXPECT_NE(tolerance.judgement.rationale.find("Revealed tolerance"), std::string::npos);
  const auto& duration = find(all, "scenarios/cpc-halt.toml", "edges[0].duration");
  EXPECT_EQ(duration.judgement.value, 0.1);
  EXPECT_EQ(duration.line, 11);
  const auto& link = find(all, "judgements.csv", "link-tengiz-atyrau");
  EXPECT_EQ(link.judgement.value, 5);
  EXPECT_EQ(link.judgement.high, 15);
  EXPECT_EQ(link.unit, "Mt/yr");
  EXPECT_EQ(find(all, "groups.csv", "russia-first").judgement.low, 0.55);
  EXPECT_EQ(find(all, "model.toml", "domains[arms].fill.window").judgement.value, 5);
  // A Beta severity with a range is a judgement on its mean alpha / (alpha + beta) = 2 / 5.
  const auto& severity = find(all, "scenarios/default.toml", "edges[cpc-halt].severity.mean");
  EXPECT_DOUBLE_EQ(severity.judgement.value, 0.4);
  EXPECT_EQ(severity.judgement.low, 0.2);
  EXPECT_EQ(severity.judgement.high, 0.7);
  EXPECT_EQ(severity.line, 23);
  const auto& loading = find(all, "scenarios/default.toml", "edges[cpc-halt].loadings.west-russia-escalation");
  EXPECT_EQ(loading.judgement.value, 0.6);
  EXPECT_EQ(loading.judgement.high, 0.8);
}

}  // namespace
}  // namespace tengerim
