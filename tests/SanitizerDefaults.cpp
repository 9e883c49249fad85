// Defaults for AddressSanitizer in the sanitizer test build only (CMakeLists.txt adds this file
// when TENGERIM_SANITIZE is on). ASAN_OPTIONS in the environment still overrides them.
//
// Why: ASan keeps freed blocks in a quarantine (256 MiB by default) to catch use-after-free, so a
// test that measures resident memory (ServeSoak) would measure the quarantine, not the server.
// 32 MiB still holds every block freed in the last few thousand requests.
extern "C" const char* __asan_default_options();
extern "C" const char* __asan_default_options() { return "quarantine_size_mb=32"; }
