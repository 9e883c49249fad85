#include "model/GapFill.h"

#include <array>
#include <utility>

namespace tengerim {
namespace {

constexpr std::array<std::pair<FillMethod, const char*>, 5> kWords = {{
    {FillMethod::None, "none"},
    {FillMethod::CarryForward, "carry_forward"},
    {FillMethod::Interpolate, "interpolate"},
    {FillMethod::RollingSum, "rolling_sum"},
    {FillMethod::RollingMean, "rolling_mean"},
}};

}  // namespace

const char* to_string(FillMethod method) {
  for (const auto& [value, word] : kWords)
    if (value == method) return word;
  return "none";
}

std::optional<FillMethod> fill_method_from(std::string_view text) {
  for (const auto& [value, word] : kWords)
    if (text == word) return value;
  return std::nullopt;
}

const char* fill_method_words() { return "none, carry_forward, interpolate, rolling_sum, rolling_mean"; }

}  // namespace tengerim
