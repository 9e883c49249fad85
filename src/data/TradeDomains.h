#pragma once
// The goods-trade domains `exports` and `imports`, declared once for every
// source that fills them (COW dyadic trade, IMF DOTS), so that the sources
// can be spliced year by year in one domain (data/TradeSplice.h).
#include "data/ImportRequest.h"

namespace tengerim {

// `id` is "exports" or "imports": name, unit (million USD), description and
// the substitutability judgement of an imported model.
DomainSpec trade_domain(const std::string& id);

}  // namespace tengerim
