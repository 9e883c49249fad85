#pragma once
// The option registry as a document: `tengerim options` (text, json, and the
// markdown of docs/options.md, kept true by a drift test) and GET /api/options.
// Each option is shown with its spelling in every front end that offers it.
#include <string>

#include "report/Document.h"
#include "run/OptionRegistry.h"

namespace tengerim {

// How a front end spells an option: dash-dash draws on the CLI, `draws` over HTTP and in Python,
// `risk.draws` in sweep plans.
std::string cli_spelling(const OptionSpec& spec);
std::string field_spelling(const OptionSpec& spec);

// Every command with its options: key, type, default, range, choices, unit, doc, spellings.
Json options_json();
std::string options_text();
std::string options_markdown();

}  // namespace tengerim
