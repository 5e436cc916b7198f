# Files of the crawl stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/address_guard.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawl_config.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawl_run.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawl_run_results.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawler.cc
  ${CMAKE_CURRENT_LIST_DIR}/curl_handles.cc
  ${CMAKE_CURRENT_LIST_DIR}/discovery.cc
  ${CMAKE_CURRENT_LIST_DIR}/feed_dates.cc
  ${CMAKE_CURRENT_LIST_DIR}/feed_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/html_links.cc
  ${CMAKE_CURRENT_LIST_DIR}/http_fetcher.cc
  ${CMAKE_CURRENT_LIST_DIR}/retry_policy.cc
  ${CMAKE_CURRENT_LIST_DIR}/robots.cc
  ${CMAKE_CURRENT_LIST_DIR}/sha256.cc
  ${CMAKE_CURRENT_LIST_DIR}/url.cc
  ${CMAKE_CURRENT_LIST_DIR}/xml_tokenizer.cc
)
