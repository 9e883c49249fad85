#include "data/Importer.h"

#include "common/Error.h"
#include "data/BnsImporter.h"
#include "data/CowTradeImporter.h"
#include "data/UnVotesImporter.h"
#include "data/ComtradeImporter.h"
#include "data/SipriImporter.h"
#include "data/UisStudentsImporter.h"
#include "data/UndesaMigrantsImporter.h"
#include "data/UngaIdealPointsImporter.h"
#include "data/AtopImporter.h"
#include "data/CowIgoImporter.h"
#include "data/IcewsImporter.h"
#include "data/ImfDotsImporter.h"
#include "data/KnomadRemittancesImporter.h"
#include "data/WdiGdpImporter.h"

namespace tengerim {

const std::vector<std::unique_ptr<Importer>>& importers() {
  static const std::vector<std::unique_ptr<Importer>> all = [] {
    std::vector<std::unique_ptr<Importer>> list;
    list.push_back(std::make_unique<BnsImporter>());
    list.push_back(std::make_unique<CowTradeImporter>());
    list.push_back(std::make_unique<ImfDotsImporter>());
    list.push_back(std::make_unique<WdiGdpImporter>());
    list.push_back(std::make_unique<UnVotesImporter>());
    list.push_back(std::make_unique<UngaIdealPointsImporter>());
    list.push_back(std::make_unique<ComtradeImporter>());
    list.push_back(std::make_unique<SipriImporter>());
    list.push_back(std::make_unique<UndesaMigrantsImporter>());
    list.push_back(std::make_unique<KnomadRemittancesImporter>());
    list.push_back(std::make_unique<UisStudentsImporter>());
    list.push_back(std::make_unique<CowIgoImporter>());
    list.push_back(std::make_unique<AtopImporter>());
    list.push_back(std::make_unique<IcewsImporter>());
    return list;
  }();
  return all;
}

const Importer* find_importer(const std::string& kind) {
  for (const auto& importer : importers())
    if (importer->kind() == kind) return importer.get();
  return nullptr;
}

void note_unmatched(const ImportRequest& request, ImportResult& result, const std::string& name,
                    const std::string& file, long line) {
  if (request.strict)
    fail_input({file, line, ""}, "no ISO3 code for the partner name '" + name +
                                     "' (add it to data/reference/country_names.csv, or import without the strict option)");
  ++result.unmatched[name];
}

}  // namespace tengerim
