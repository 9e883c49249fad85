#pragma once
// The Python keywords of a command: the registry's options offered to Python,
// named without their scope (risk.draws is `draws`), given as a JSON object
// and checked by RunOptions as the HTTP API's fields are, so the defaults and
// the messages are the registry's.
#include <string>

#include "run/RunOptions.h"

namespace tengerim {

// The options of `command` from `keywords` (a JSON object; null values leave the default);
// `model` fills run.model as the CLI's argument would. Unknown keywords: pybind11::type_error.
RunOptions python_options(const std::string& command, const std::string& keywords, const std::string& model);

// Every command: {"summary", "keywords": [its Python keywords with their declarations]}, as JSON
// text (the docstrings and the type stubs).
std::string python_keywords_json();

}  // namespace tengerim
