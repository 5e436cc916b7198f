# Tests of the report stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/report_command_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_data_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_render_test.cc
)
