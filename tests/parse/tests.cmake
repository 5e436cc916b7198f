# Tests of the parse stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/article_extractor_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/byline_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/class_hints_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/corpus_articles_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/date_parser_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/dom_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/filing_text_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/html_document_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/lang_detect_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/metadata_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_hints_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_renderer_test.cc
)
