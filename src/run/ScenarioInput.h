#pragma once
// The scenario a run uses, from the option `key` (shock.scenario, risk.scenario,
// optimize.scenario): a named item (run/ItemReference.h) or, when the option is
// unset, the model's own default set of shocks (scenarios/default.toml, else
// risk.toml). The model's coupling Gamma is attached; the text is recorded in
// the run summary by content hash.
#include <string>

#include "risk/Scenario.h"
#include "run/Pipeline.h"

namespace tengerim {

// `allow_paths` false: only model: and builtin: names (the server).
Scenario read_run_scenario(Pipeline& pipeline, const std::string& key, bool allow_paths = true);
// The same for an `argument` given apart from the run's options ("" = the model's default);
// `key` names it in errors.
Scenario read_run_scenario(Pipeline& pipeline, const std::string& key, const std::string& argument,
                           bool allow_paths = true);
// A scenario built by the caller (a what-if request): only the coupling is attached.
Scenario with_model_coupling(const Pipeline& pipeline, Scenario scenario);
// A scenario with no shocks that only carries the model's coupling (for simulate and optimize).
Scenario coupling_only(const Pipeline& pipeline);

}  // namespace tengerim
