# Files of the pipeline stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/article_processor.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_json.cc
  ${CMAKE_CURRENT_LIST_DIR}/document.cc
  ${CMAKE_CURRENT_LIST_DIR}/nightly_run.cc
  ${CMAKE_CURRENT_LIST_DIR}/run_config.cc
  ${CMAKE_CURRENT_LIST_DIR}/run_lock.cc
)
