# Files of the parse stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/article_extractor.cc
  ${CMAKE_CURRENT_LIST_DIR}/boilerplate_pruner.cc
  ${CMAKE_CURRENT_LIST_DIR}/byline.cc
  ${CMAKE_CURRENT_LIST_DIR}/class_hints.cc
  ${CMAKE_CURRENT_LIST_DIR}/content_finder.cc
  ${CMAKE_CURRENT_LIST_DIR}/date_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/dom.cc
  ${CMAKE_CURRENT_LIST_DIR}/filing_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/html_document.cc
  ${CMAKE_CURRENT_LIST_DIR}/lang_detect.cc
  ${CMAKE_CURRENT_LIST_DIR}/metadata.cc
  ${CMAKE_CURRENT_LIST_DIR}/metadata_helpers.cc
  ${CMAKE_CURRENT_LIST_DIR}/plain_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_hints.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_renderer.cc
)
