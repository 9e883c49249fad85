#pragma once
// The engine's errors as Python exceptions: tengerim.Error (kind, file, line,
// field, detail) and its subclass tengerim.OptionError (also a ValueError)
// naming the option by its Python keyword, as the CLI names it by its flag.
#include <pybind11/pybind11.h>

namespace tengerim {

void register_errors(pybind11::module_& module);

}  // namespace tengerim
