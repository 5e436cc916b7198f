# Tests of the report stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/report_command_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_data_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_render_test.cc
)

# The report of the bundled corpus rendered in headless Chromium; skipped
# (exit 77) with a message where Chromium is not installed.
add_test(NAME report_in_headless_chromium
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/report_browser_test.sh $<TARGET_FILE:dealwatch>
                 ${CMAKE_BINARY_DIR}/report-browser)
set_tests_properties(report_in_headless_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
