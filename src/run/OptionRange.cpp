#include "run/OptionRange.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "common/CsvTable.h"
#include "common/Error.h"
#include "common/Text.h"

namespace tengerim {
namespace {

double bound(const std::string& text, const char* declaration) {
  const std::string value = trim(text);
  if (value == "inf") return std::numeric_limits<double>::infinity();
  if (value == "-inf") return -std::numeric_limits<double>::infinity();
  auto number = parse_double(value);
  if (!number) throw Error(ErrorKind::Internal, {}, fmt::format("option range '{}' is malformed", declaration));
  return *number;
}

std::string bound_text(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{:g}", value) == fmt::format("{}", value) ? fmt::format("{:g}", value) : fmt::format("{}", value);
}

}  // namespace

OptionRange OptionRange::parse(const char* text) {
  OptionRange range;
  const std::string declaration = trim(text ? text : "");
  if (declaration.empty()) return range;
  const auto comma = declaration.find(',');
  if (declaration.size() < 5 || comma == std::string::npos || (declaration.front() != '[' && declaration.front() != '(') ||
      (declaration.back() != ']' && declaration.back() != ')'))
    throw Error(ErrorKind::Internal, {}, fmt::format("option range '{}' is malformed", declaration));
  range.low_open = declaration.front() == '(';
  range.high_open = declaration.back() == ')';
  range.low = bound(declaration.substr(1, comma - 1), text);
  range.high = bound(declaration.substr(comma + 1, declaration.size() - comma - 2), text);
  range.bounded = true;
  return range;
}

bool OptionRange::contains(double value) const {
  if (!std::isfinite(value)) return false;
  if (!bounded) return true;
  const bool above = low_open ? value > low : value >= low;
  const bool below = high_open ? value < high : value <= high;
  return above && below;
}

std::string OptionRange::text() const {
  if (!bounded) return "any finite number";
  return fmt::format("{}{}, {}{}", low_open ? '(' : '[', bound_text(low), bound_text(high), high_open ? ')' : ']');
}

}  // namespace tengerim
