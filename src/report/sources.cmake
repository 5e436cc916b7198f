# Files of the report stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/html_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_data.cc
)
