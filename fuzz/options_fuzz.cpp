// The option parser behind the HTTP fields (RunOptions), without running anything: the
// first byte picks a served command and the way values come (query text or a JSON body);
// the rest is "field=value" lines or a JSON object. Every value is then read back as the
// pipeline reads it. OptionError or a RequestError is a refusal; anything else a finding.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "FuzzSupport.h"
#include "common/OptionError.h"
#include "run/OptionRegistry.h"
#include "run/RunOptions.h"
#include "serve/JsonLimits.h"
#include "serve/RequestError.h"

using namespace tengerim;

namespace {

std::vector<const CommandSpec*> served_commands() {
  std::vector<const CommandSpec*> out;
  for (const auto& command : command_specs())
    if (std::string_view(command.endpoint).size() > 0) out.push_back(&command);
  return out;
}

const OptionSpec* http_option(const CommandSpec& command, std::string_view field) {
  const OptionSpec* option = find_command_option(command, field);
  return option && option->offered_on(kHttp) ? option : nullptr;
}

void set_from_query(RunOptions& options, const std::string& text) {
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    const size_t equals = line.find('=');
    const OptionSpec* option = http_option(options.command(), line.substr(0, equals));
    if (!option) continue;
    const std::string value = equals == std::string::npos ? "" : line.substr(equals + 1);
    if (option->type == OptionType::Flag) options.set_flag(option->key, value == "1" || value == "true");
    else options.set_text(option->key, value);
  }
}

void set_from_body(RunOptions& options, const std::string& text) {
  check_json_limits(text);
  const auto body = nlohmann::json::parse(text, nullptr, false);
  if (!body.is_object()) return;
  for (const auto& [field, value] : body.items())
    if (const OptionSpec* option = http_option(options.command(), field)) options.set_json(option->key, value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<const CommandSpec*> commands = served_commands();
  if (size == 0) return 0;
  RunOptions options(*commands[(data[0] >> 1) % commands.size()]);
  const std::string text = fuzz::text_of(data + 1, size - 1);
  try {
    if (data[0] & 1) set_from_body(options, text);
    else set_from_query(options, text);
    options.check_required();
    for (const auto& key : options.command().options)
      if (auto value = options.value(key)) (void)option_value_text(*value);
    (void)options.to_json(true).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const OptionError&) {
  } catch (const RequestError&) {
  } catch (const Error& error) {
    std::fprintf(stderr, "%s error: %s\n", to_string(error.kind()), error.what());
    std::abort();
  }
  return 0;
}
