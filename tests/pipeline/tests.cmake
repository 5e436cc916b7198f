# Tests of the pipeline, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/corpus_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/nightly_process_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/nightly_run_test.cc
)
