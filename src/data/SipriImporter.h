#pragma once
#include "data/Importer.h"

namespace tengerim {

// SIPRI Arms Transfers Database trade register (deliveries): note lines, then
// the header, every line ending with ';'. Rows whose Recipient is the focal
// state become ties in domain `arms` (SIPRI TIV, millions): TIV of deliveries
// summed by supplier and delivery year, with the year's total as WLD.
class SipriImporter : public Importer {
 public:
  std::string kind() const override { return "sipri"; }
  std::string files_help() const override { return "trade_register.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
