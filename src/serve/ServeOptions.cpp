#include "serve/ServeOptions.h"

namespace tengerim {

ServeOptions ServeOptions::from(const RunOptions& options) {
  ServeOptions out;
  out.host = options.text("serve.host");
  out.port = options.integer("serve.port");
  out.max_draws = options.integer("serve.max_draws");
  out.max_sensitivity = options.integer("serve.max_sensitivity");
  out.timeout_ms = options.integer("serve.timeout_ms");
  out.max_heavy = options.integer("serve.max_heavy");
  out.io_timeout_ms = options.integer("serve.io_timeout_ms");
  return out;
}

}  // namespace tengerim
