#pragma once
// The program's version, set once in CMakeLists.txt (project VERSION).
namespace tengerim {

const char* version();

}  // namespace tengerim
