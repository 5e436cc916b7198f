# Benchmarks, compiled into dealwatch_bench (-DDEALWATCH_BUILD_BENCH=ON);
# docs/benchmarks.md says what each measures.
target_sources(dealwatch_bench PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/article_bench.cc
  ${CMAKE_CURRENT_LIST_DIR}/bench_support.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawl_bench.cc
  ${CMAKE_CURRENT_LIST_DIR}/gen_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/micro_bench.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_chrome.cc
  ${CMAKE_CURRENT_LIST_DIR}/page_generator.cc
  ${CMAKE_CURRENT_LIST_DIR}/stage_bench.cc
)
# The crawl benchmark serves pages with cpp-httplib, as the crawl tests do
# (Debian builds it as a shared library: link it and use its flags).
pkg_check_modules(DEALWATCH_BENCH_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
target_link_libraries(dealwatch_bench PRIVATE PkgConfig::DEALWATCH_BENCH_HTTPLIB)
# Test helpers shared with the tests (tests/common/gzip.h).
target_include_directories(dealwatch_bench PRIVATE ${PROJECT_SOURCE_DIR}/tests)
