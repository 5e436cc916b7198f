# Tests of the extract stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/clean_name_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/extractor_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/mentions_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/phrase_matcher_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/rule_file_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/rule_filter_test.cc
)
