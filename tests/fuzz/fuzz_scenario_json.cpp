// libFuzzer target: scenario_from_json on arbitrary bytes, and every scenario
// that reads re-encoded as JSON and as a share code and read again,
// identical. See scripts/fuzz.sh.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/roundtrip_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string problem = tl::fuzz::check_scenario_json({reinterpret_cast<const char*>(data), size});
    if (!problem.empty()) {
        std::fprintf(stderr, "scenario JSON round trip failed: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
