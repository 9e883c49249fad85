#include "serve/JsonLimits.h"

#include <fmt/format.h>

#include <vector>

#include "serve/RequestError.h"

namespace tengerim {
namespace {

[[noreturn]] void exceeded(const std::string& what, size_t offset) {
  throw RequestError(400, "limit_exceeded", fmt::format("the body {} (at byte {})", what, offset));
}

}  // namespace

void check_json_limits(std::string_view text, const JsonLimits& limits) {
  // items[d] counts the commas met at depth d + 1: an array or object of n elements has n - 1.
  std::vector<size_t> items;
  items.reserve(limits.max_depth);
  size_t values = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;  // the escaped byte cannot end the string
      if (i - start - 1 > limits.max_string) exceeded(fmt::format("has a string longer than the limit of {} bytes", limits.max_string), start);
      if (++values > limits.max_values) exceeded(fmt::format("has more values than the limit of {}", limits.max_values), start);
    } else if (c == '[' || c == '{') {
      if (items.size() == limits.max_depth) exceeded(fmt::format("nests arrays and objects deeper than the limit of {} levels", limits.max_depth), i);
      items.push_back(0);
      if (++values > limits.max_values) exceeded(fmt::format("has more values than the limit of {}", limits.max_values), i);
    } else if (c == ']' || c == '}') {
      if (!items.empty()) items.pop_back();  // an unbalanced one is the parser's to refuse
    } else if (c == ',') {
      if (!items.empty() && ++items.back() >= limits.max_items)
        exceeded(fmt::format("has an array or object of more elements than the limit of {}", limits.max_items), i);
      if (++values > limits.max_values) exceeded(fmt::format("has more values than the limit of {}", limits.max_values), i);
    }
  }
}

}  // namespace tengerim
