#pragma once
// The envelope of `risk --sensitivity N` as JSON (`envelope`) and text.
#include <string>

#include "report/Document.h"
#include "risk/MoneyLoss.h"
#include "risk/RiskEnvelope.h"

namespace tengerim {

Json envelope_json(const RiskEnvelope& envelope);
std::string envelope_text(const RiskEnvelope& envelope, const MoneyLoss& money);

}  // namespace tengerim
