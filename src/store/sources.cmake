# Files of the store stage (SQLite only), compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/database.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal_store_articles.cc
  ${CMAKE_CURRENT_LIST_DIR}/schema.cc
  ${CMAKE_CURRENT_LIST_DIR}/url_state_sql.cc
)
