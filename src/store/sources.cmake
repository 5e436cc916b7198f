# Files of the store stage (SQLite only), compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/database.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_match.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store_articles.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store_derive.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store_entities.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store_match.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_values.cc
  ${CMAKE_CURRENT_LIST_DIR}/fx_rates.cc
  ${CMAKE_CURRENT_LIST_DIR}/migration_2.cc
  ${CMAKE_CURRENT_LIST_DIR}/schema.cc
  ${CMAKE_CURRENT_LIST_DIR}/url_state_sql.cc
)
