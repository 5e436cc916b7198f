# Files of the command line, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/amounts_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/article_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/command.cc
  ${CMAKE_CURRENT_LIST_DIR}/eval_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/explain_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/export_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/extract_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/query_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/report_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/rules_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/review_command.cc
  ${CMAKE_CURRENT_LIST_DIR}/run_command.cc
)
