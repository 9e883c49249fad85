#pragma once
// The JSON document body of a `report` run, the same from the CLI and the web
// API: the balance sheet (report/JsonReport.h), with its bands when asked and
// the attribution of `--explain A B` under "explain".
#include "report/Document.h"
#include "run/ReportRun.h"

namespace tengerim {

Json report_run_json(const ReportRun& run);

}  // namespace tengerim
