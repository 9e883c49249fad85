#include "PythonErrors.h"

#include "common/Error.h"
#include "common/OptionError.h"
#include "run/OptionRegistry.h"

namespace py = pybind11;

namespace tengerim {
namespace {

PyObject* error_type = nullptr;
PyObject* option_error_type = nullptr;

// Raises `type` with the error's fields as attributes (None where the error names no file or field).
void raise(PyObject* type, const Error& error, const std::string& message, const OptionError* option) {
  py::object instance = py::reinterpret_borrow<py::object>(type)(message);
  const Location& where = error.where();
  instance.attr("kind") = to_string(error.kind());
  instance.attr("file") = where.file.empty() ? py::none() : py::object(py::str(where.file));
  instance.attr("line") = where.file.empty() ? py::none() : py::object(py::int_(where.line));
  instance.attr("field") = where.field.empty() ? py::none() : py::object(py::str(where.field));
  instance.attr("detail") = error.detail();
  if (option) {
    const OptionSpec* spec = find_option(option->key());
    instance.attr("key") = option->key();
    instance.attr("option") = spec ? std::string(spec->name()) : option->key();
  }
  PyErr_SetObject(type, instance.ptr());
}

}  // namespace

void register_errors(py::module_& module) {
  error_type = PyErr_NewExceptionWithDoc(
      "tengerim.Error", "An engine error: .kind, .file, .line (0: the whole file), .field, .detail", PyExc_Exception,
      nullptr);
  py::tuple bases = py::make_tuple(py::handle(error_type), py::handle(PyExc_ValueError));
  option_error_type = PyErr_NewExceptionWithDoc(
      "tengerim.OptionError", "An option whose value breaks its rule: .option (the keyword), .key (risk.draws)",
      bases.ptr(), nullptr);
  module.add_object("Error", py::handle(error_type));
  module.add_object("OptionError", py::handle(option_error_type));
  py::register_exception_translator([](std::exception_ptr pointer) {
    try {
      if (pointer) std::rethrow_exception(pointer);
    } catch (const OptionError& error) {
      const OptionSpec* spec = find_option(error.key());
      raise(option_error_type, error, error.message_for(spec ? std::string(spec->name()) : error.key()), &error);
    } catch (const Error& error) {
      raise(error_type, error, error.what(), nullptr);
    }
  });
}

}  // namespace tengerim
