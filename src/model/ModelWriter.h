#pragma once
// Writes a model description back to a model folder. The folder is replaced
// as a whole: files go to a temporary folder beside it, the result is read
// back and validated, and only then moved into place, so a failure leaves the
// old folder as it was.
#include <map>
#include <string>

#include "model/CountryTable.h"
#include "model/Model.h"

namespace tengerim {

// The files of a model folder (name -> text), as they would be written.
std::map<std::string, std::string> model_files(const Model& model);
void write_model_folder(const Model& model, const std::string& folder,
                        const CountryTable& countries = CountryTable::builtin());

}  // namespace tengerim
