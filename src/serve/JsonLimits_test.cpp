#include "serve/JsonLimits.h"

#include <gtest/gtest.h>

#include <string>

#include "serve/RequestError.h"

namespace tengerim {
namespace {

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// The kind, status and message of the refusal, or "" when the text passes.
std::string refusal(const std::string& text, const JsonLimits& limits = {}) {
  try {
    check_json_limits(text, limits);
    return "";
  } catch (const RequestError& error) {
    EXPECT_EQ(error.status(), 400);
    EXPECT_EQ(error.kind(), "limit_exceeded");
    return error.what();
  }
}

TEST(JsonLimits, DepthUpToTheLimitPassesOneMoreIsRefused) {
  EXPECT_EQ(refusal(nested(32)), "");
  EXPECT_NE(refusal(nested(33)).find("nests arrays and objects deeper than the limit of 32 levels (at byte 32)"), std::string::npos);
  // Objects count as arrays do; a million levels are refused at the 33rd, not parsed.
  EXPECT_NE(refusal(std::string(32, '{') + "[").find("limit of 32"), std::string::npos);
  EXPECT_NE(refusal(std::string(1 << 20, '[')).find("limit of 32"), std::string::npos);
}

TEST(JsonLimits, BracketsInsideStringsDoNotCount) {
  EXPECT_EQ(refusal("{\"a\": \"" + std::string(100, '[') + "\"}"), "");
  // An escaped quote does not end the string, so the brackets after it are still inside.
  EXPECT_EQ(refusal("[\"\\\"" + std::string(100, '{') + "\"]"), "");
  // After the string ends, they count again.
  EXPECT_NE(refusal("[\"\\\\\"" + std::string(40, '{')), "");
}

TEST(JsonLimits, StringLength) {
  JsonLimits limits;
  limits.max_string = 4;
  EXPECT_EQ(refusal("[\"abcd\"]", limits), "");
  EXPECT_NE(refusal("[\"abcde\"]", limits).find("has a string longer than the limit of 4 bytes (at byte 1)"),
            std::string::npos);
  // An unterminated string is measured to the end of the body.
  EXPECT_NE(refusal("\"abcdefgh", limits), "");
}

TEST(JsonLimits, ItemsPerContainerAndValuesInAll) {
  JsonLimits limits;
  limits.max_items = 3;
  EXPECT_EQ(refusal("[1,2,3]", limits), "");
  EXPECT_NE(refusal("[1,2,3,4]", limits).find("more elements than the limit of 3"), std::string::npos);
  // Each container counts its own elements.
  EXPECT_EQ(refusal("[[1,2,3],[1,2,3],[1,2,3]]", limits), "");
  limits = {};
  limits.max_values = 5;
  EXPECT_EQ(refusal("[\"a\",\"b\"]", limits), "");  // one array, two strings, one comma
  EXPECT_NE(refusal("[[],[],[]]", limits).find("more values than the limit of 5"), std::string::npos);
}

TEST(JsonLimits, UnbalancedOrEmptyTextIsLeftToTheParser) {
  EXPECT_EQ(refusal(""), "");
  EXPECT_EQ(refusal("]]]]}}}"), "");
  EXPECT_EQ(refusal("\\"), "");
}

}  // namespace
}  // namespace tengerim
