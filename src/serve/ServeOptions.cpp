#include "serve/ServeOptions.h"

#include <fmt/format.h>

#include "common/Error.h"

namespace tengerim {

void ServeOptions::validate() const {
  if (host.empty()) fail_input({"", 0, "--host"}, "must not be empty (e.g. 127.0.0.1)");
  if (port < 0 || port > 65535) fail_input({"", 0, "--port"}, fmt::format("{}: must be in [0, 65535]", port));
  if (max_draws <= 0) fail_input({"", 0, "--max-draws"}, fmt::format("{}: must be a positive integer", max_draws));
  if (timeout_ms <= 0) fail_input({"", 0, "--timeout-ms"}, fmt::format("{}: must be a positive integer", timeout_ms));
}

}  // namespace tengerim
