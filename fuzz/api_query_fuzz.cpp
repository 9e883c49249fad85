// The HTTP API's query strings in process: the input up to the first '?' is the path
// (GET), the rest the query, split at '&' and '=' and %-decoded as httplib does.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

#include "FuzzSupport.h"
#include "serve/ApiService.h"

using namespace tengerim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const ModelSnapshot> snapshot = Pipeline::load_snapshot("builtin:kaz");
  const std::string input = fuzz::text_of(data, size);
  const size_t mark = input.find('?');
  ApiRequest request;
  request.method = "GET";
  request.path = mark == std::string::npos ? "/api/report" : input.substr(0, mark);
  httplib::Params params;
  httplib::detail::parse_query_text(mark == std::string::npos ? input : input.substr(mark + 1), params);
  request.query = {params.begin(), params.end()};
  ServeOptions options;
  const ApiService api(snapshot, options);
  const ApiResponse response = api.handle(request);
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_discarded()) std::abort();
  if (response.status >= 500) {
    std::fprintf(stderr, "%d %s\n", response.status, response.body.c_str());
    std::abort();
  }
  return 0;
}
