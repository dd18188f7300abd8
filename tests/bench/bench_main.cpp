// Placeholder benchmark: replace with real benchmarks of the core.
#include <cstdio>

int main() {
    std::puts("bench: nothing yet");
    return 0;
}
