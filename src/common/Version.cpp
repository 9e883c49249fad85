#include "common/Version.h"

namespace tengerim {

const char* version() { return TENGERIM_VERSION; }

}  // namespace tengerim
