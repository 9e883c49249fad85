#pragma once
// `risk --sensitivity N`: the envelope of a risk run (risk/RiskEnvelope.h).
// One Latin hypercube over the balance sheet's judgements (the domain weights
// and substitutabilities the losses use, measure/SheetBands.h) and the
// scenario's (risk/ScenarioDesign.h), seeded from run.seed; at each point the
// sheet is measured again, the loss tables are solved again, and the Monte
// Carlo runs with the run's draws and seed (common random numbers, so the
// points differ by their parameters, not by their noise). Points are spread
// over the run's threads, each point's Monte Carlo on one; results land by
// point index, so they are bit-identical for any thread count.
#include "risk/RiskEnvelope.h"
#include "run/RiskRun.h"

namespace tengerim {

RiskEnvelope run_risk_envelope(Pipeline& pipeline, const RiskRun& run, size_t draws);

}  // namespace tengerim
