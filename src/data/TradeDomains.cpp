#include "data/TradeDomains.h"

#include "common/Error.h"

namespace tengerim {

DomainSpec trade_domain(const std::string& id) {
  const Judgement substitutability{0.5, 0.3, 0.7,
                                   "Default of an imported model: most traded goods can be re-sourced or re-sold "
                                   "within a year at a cost. A judgement to revise."};
  const std::string sources =
      " Each year from one source (docs/importers.md, trade precedence): IMF Direction of Trade Statistics where "
      "it covers the year, else COW dyadic trade v4.0; the source of every figure is in its tie.";
  if (id == "exports")
    return {id, "Goods exports", "million USD",
            "Goods exports by partner, current million US dollars: IMF DOTS as the focal state reports them (FOB), "
            "or the partner's imports from it (COW; IMF mirror figures, CIF)." + sources,
            substitutability};
  if (id == "imports")
    return {id, "Goods imports", "million USD",
            "Goods imports by partner, current million US dollars: as the focal state reports them (COW; IMF DOTS, "
            "CIF), or the partner's exports to it (IMF mirror figures, FOB)." + sources,
            substitutability};
  throw Error(ErrorKind::Internal, {}, "no trade domain " + id);
}

}  // namespace tengerim
