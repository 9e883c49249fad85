#pragma once
// How a domain's years without observations are filled (docs/model.md §2a):
// declared per domain in model.toml, so the basket of a composite is fixed
// and every filled figure says how it was made.
#include <optional>
#include <string_view>

#include "model/Judgement.h"

namespace tengerim {

enum class FillMethod {
  None,          // a year without observations stays missing
  CarryForward,  // the latest observation, up to max_age years old
  Interpolate,   // stocks: linear between the observations around the year, each within max_age
  RollingSum,    // lumpy flows: the sum of the `window` years ending in the year
  RollingMean,   // the mean of those years
};

struct GapFill {
  FillMethod method = FillMethod::None;
  Judgement max_age;  // years; CarryForward and Interpolate
  Judgement window;   // years; RollingSum and RollingMean
};

const char* to_string(FillMethod method);
std::optional<FillMethod> fill_method_from(std::string_view text);  // "carry_forward", ...
// The words fill_method_from accepts, for messages.
const char* fill_method_words();

}  // namespace tengerim
