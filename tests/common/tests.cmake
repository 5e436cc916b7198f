# Tests of the common helpers, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/common_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/redact_test.cc
)
