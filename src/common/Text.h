#pragma once
// Small string helpers shared by every layer.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tengerim {

std::string trim(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(std::string_view text);
// A TOML basic string literal with escapes.
std::string toml_string(std::string_view text);
// The offset of the first byte sequence that is not UTF-8, if any (fast on ASCII).
std::optional<size_t> first_invalid_utf8(std::string_view text);

}  // namespace tengerim
