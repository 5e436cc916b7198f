# Benchmarks, compiled into dealwatch_bench (-DDEALWATCH_BUILD_BENCH=ON).
target_sources(dealwatch_bench PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/article_bench.cc
)
