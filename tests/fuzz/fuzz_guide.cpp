// libFuzzer target: read_guide, resolve_guide and the `#guide=` link form on
// arbitrary bytes; every guide that reads is written again (pretty, compact,
// link) and read back identical, and its goals evaluated. See scripts/fuzz.sh.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/guide_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string problem = tl::fuzz::check_guide_json({reinterpret_cast<const char*>(data), size});
    if (!problem.empty()) {
        std::fprintf(stderr, "guide round trip failed: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
