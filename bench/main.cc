// dealwatch_bench: every benchmark under bench/, run by Google Benchmark.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
