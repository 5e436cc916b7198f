# Hostile input, hostile servers and access tests (docs/robustness.md),
# compiled into dealwatch_tests. Included from the end of CMakeLists.txt, so
# it checks DEALWATCH_BUILD_TESTS itself. The fuzz targets' entry points
# are compiled in too (without libFuzzer's main), so the normal test build
# replays every input saved under fuzz/regressions/.
if(NOT DEALWATCH_BUILD_TESTS)
  return()
endif()
get_filename_component(DEALWATCH_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR}/../../fuzz ABSOLUTE)
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/access_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/fuzz_regressions_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/hostile_document_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/hostile_run_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/hostile_server_test.cc
  ${DEALWATCH_FUZZ_DIR}/article_fuzzer.cc
  ${DEALWATCH_FUZZ_DIR}/charset_fuzzer.cc
  ${DEALWATCH_FUZZ_DIR}/extractor_fuzzer.cc
  ${DEALWATCH_FUZZ_DIR}/feed_fuzzer.cc
  ${DEALWATCH_FUZZ_DIR}/normalize_fuzzer.cc
  ${DEALWATCH_FUZZ_DIR}/robots_fuzzer.cc
  ${DEALWATCH_FUZZ_DIR}/rule_file_fuzzer.cc
)
target_include_directories(dealwatch_tests PRIVATE ${DEALWATCH_FUZZ_DIR})
target_compile_definitions(dealwatch_tests PRIVATE DEALWATCH_FUZZ_DIR="${DEALWATCH_FUZZ_DIR}")
