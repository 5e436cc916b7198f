# Files of the report stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/evidence_marks.cc
  ${CMAKE_CURRENT_LIST_DIR}/html_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/markdown_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/report.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_data.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_deals.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_sections.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_sql.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/volume_chart.cc
)
