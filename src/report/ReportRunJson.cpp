#include "report/ReportRunJson.h"

#include "report/AttributionReport.h"
#include "report/JsonReport.h"

namespace tengerim {

Json report_run_json(const ReportRun& run) {
  Json out = balance_sheet_json(run.snapshot->model, *run.sheet, run.year, run.bands ? &*run.bands : nullptr);
  if (run.explained) out["explain"] = attribution_json(*run.explained);
  return out;
}

}  // namespace tengerim
