#pragma once
// The web API's engine side, without HTTP: each handler takes the request's
// query value or body and returns a status and a JSON body. The model,
// network and balance sheet are loaded once and only read afterwards, so
// handlers may run on many threads at once. Documents are those of the CLI
// (`report`, `shock`, `risk --format json`), plus "charts" (SVG) when asked.
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "model/ModelSource.h"
#include "report/SourceCatalog.h"
#include "serve/ServeOptions.h"

namespace tengerim {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

class ApiService {
 public:
  ApiService(const ModelSource& source, const ServeOptions& options);

  // GET /api/meta: what the dashboard's controls offer (years, scenarios, domains, partners, edges).
  ApiResponse meta() const;
  // GET /api/report?year=Y[&charts=1]: `year` is the raw query value (empty: every year).
  ApiResponse report(const std::string& year, bool charts) const;
  // POST /api/report {"year", "scale": [{"domain", "partner", "factor"}], "charts"}: the sheet
  // after multiplying a partner's flows in a domain (and the domain's world total by the same amount).
  ApiResponse what_if(const std::string& body) const;
  // POST /api/shock {"scenario", "close": [edge ids], "edges": [...], "shocks": [...], "charts"}
  ApiResponse shock(const std::string& body) const;
  // POST /api/risk {"scenario", "draws", "seed", "levels", "edges", "shocks", "charts"}
  ApiResponse risk(const std::string& body) const;

  // POST /api/simulate {"policy": built-in name, "years": 1-50}: the `simulate --format json` document.
  ApiResponse simulation(const std::string& body) const;

  // {"error": {"kind": kind, "message": message}}
  static ApiResponse error(int status, const std::string& kind, const std::string& message);

 private:
  template <typename Handler>
  ApiResponse guarded(Handler&& handler) const;
  // Results are deterministic (fixed seeds), so a repeated request is answered
  // from a small cache of successful responses, keyed by endpoint and the body as parsed.
  ApiResponse compute_what_if(const std::string& body) const;
  ApiResponse compute_shock(const std::string& body) const;
  ApiResponse compute_risk(const std::string& body) const;
  ApiResponse compute_simulation(const std::string& body) const;
  template <typename Compute>
  ApiResponse cached(const std::string& key, Compute&& compute) const;

  ModelSource source_;
  ServeOptions options_;
  Model model_;
  CorridorNetwork network_;
  BalanceSheet sheet_;
  SourceCatalog catalog_;
  std::map<std::string, std::string> report_cache_;  // GET /api/report body by year ("" = all), built once
  static constexpr size_t kCacheEntries = 256;
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, std::string> cache_;  // key -> body of a 200 response
  mutable std::list<std::string> cache_order_;        // oldest first, for eviction
};

}  // namespace tengerim
