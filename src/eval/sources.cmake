# Files of the evaluation code (scoring against gold), compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/evaluation.cc
  ${CMAKE_CURRENT_LIST_DIR}/gold.cc
)
