# Files of the extract stage (RE2 only), compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/assembler.cc
  ${CMAKE_CURRENT_LIST_DIR}/borrower.cc
  ${CMAKE_CURRENT_LIST_DIR}/clause_reader.cc
  ${CMAKE_CURRENT_LIST_DIR}/deal.cc
  ${CMAKE_CURRENT_LIST_DIR}/extractor.cc
  ${CMAKE_CURRENT_LIST_DIR}/lexicon.cc
  ${CMAKE_CURRENT_LIST_DIR}/mention_finder.cc
  ${CMAKE_CURRENT_LIST_DIR}/mentions.cc
  ${CMAKE_CURRENT_LIST_DIR}/phrase_matcher.cc
  ${CMAKE_CURRENT_LIST_DIR}/rule_examples.cc
  ${CMAKE_CURRENT_LIST_DIR}/rule_file.cc
  ${CMAKE_CURRENT_LIST_DIR}/rule_set.cc
  ${CMAKE_CURRENT_LIST_DIR}/tagged_text.cc
)
