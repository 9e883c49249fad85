// The README shows the output of its first command; keep it true.
#include <gtest/gtest.h>

#include "TestSupport.h"

namespace tengerim {
namespace {

TEST(Readme, ShowsTheCurrentOutputOfTheFirstCommand) {
  const std::string readme = testing::read_text(testing::source_path("README.md"));
  const std::string marker = "The first prints (build messages go to stderr):\n\n```\n";
  const auto start = readme.find(marker);
  ASSERT_NE(start, std::string::npos) << "README lost its expected-output block";
  const auto begin = start + marker.size();
  const auto end = readme.find("```", begin);
  ASSERT_NE(end, std::string::npos);
  auto result = testing::run_tengerim({"report"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(readme.substr(begin, end - begin), result.out)
      << "update README.md with the output of: build/tengerim report";
}

}  // namespace
}  // namespace tengerim
