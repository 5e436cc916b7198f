# Benchmarks, compiled into dealwatch_bench (-DDEALWATCH_BUILD_BENCH=ON);
# docs/benchmarks.md says what each measures.
target_sources(dealwatch_bench PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/article_bench.cc
  ${CMAKE_CURRENT_LIST_DIR}/bench_support.cc
  ${CMAKE_CURRENT_LIST_DIR}/gen_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/micro_bench.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_chrome.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_generator.cc
  ${CMAKE_CURRENT_LIST_DIR}/stage_bench.cc
)
