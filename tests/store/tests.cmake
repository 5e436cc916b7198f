# Tests of the store stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/deal_match_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_merge_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/fx_rates_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/migration_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/rerun_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/views_test.cc
)
