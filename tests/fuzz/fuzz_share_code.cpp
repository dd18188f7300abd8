// libFuzzer target: decode_share_code on arbitrary text (with and without
// the check digits compared), and every code that decodes re-encoded as a
// share code and as JSON and decoded again, identical. See scripts/fuzz.sh.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/roundtrip_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string problem = tl::fuzz::check_share_code({reinterpret_cast<const char*>(data), size});
    if (!problem.empty()) {
        std::fprintf(stderr, "share code round trip failed: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
