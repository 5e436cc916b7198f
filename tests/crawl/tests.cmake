# Tests of the crawl stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/address_guard_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawl_config_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawler_edgar_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawler_fetch_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawler_politeness_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/crawler_sources_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/feed_parser_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/html_links_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/retry_policy_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/robots_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/url_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/xml_tokenizer_test.cc
)
# Debian builds cpp-httplib as a shared library (httplib.h only declares),
# compiled with OpenSSL/zlib/brotli support: link it and use its flags.
pkg_check_modules(DEALWATCH_CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
target_link_libraries(dealwatch_tests PRIVATE PkgConfig::DEALWATCH_CPP_HTTPLIB)
