// The HTTP API in process (ApiService::handle, what the web server calls): the first
// byte picks the endpoint, the rest is the body. A 5xx other than the documented 503s
// (busy, time_limit, cancelled), or an answer that is not JSON, is a finding.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <cstdio>

#include "FuzzSupport.h"
#include "serve/ApiService.h"

using namespace tengerim;

namespace {

const char* const kEndpoints[][2] = {{"POST", "/api/report"}, {"POST", "/api/shock"}, {"POST", "/api/risk"},
                                     {"POST", "/api/simulate"}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const ModelSnapshot> snapshot = Pipeline::load_snapshot("builtin:kaz");
  if (size == 0) return 0;
  ServeOptions options;
  options.max_draws = 2000;  // fast executions; the limit itself is part of what is fuzzed
  const ApiService api(snapshot, options);  // a fresh one: no cache carried between inputs
  const auto& endpoint = kEndpoints[data[0] % 4];
  CancelToken cancel;
  cancel.set_deadline(CancelToken::Clock::now() + std::chrono::seconds(2));
  const ApiResponse response = api.handle({endpoint[0], endpoint[1], {}, fuzz::text_of(data + 1, size - 1), &cancel});
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_discarded()) std::abort();
  if (response.status >= 500) {
    const std::string kind = body["error"].value("kind", "");
    if (kind != "busy" && kind != "time_limit" && kind != "cancelled") {
      std::fprintf(stderr, "%d %s\n", response.status, response.body.c_str());
      std::abort();
    }
  }
  return 0;
}
