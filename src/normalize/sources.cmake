# Files of the normalize stage (ICU only), compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/language.cc
  ${CMAKE_CURRENT_LIST_DIR}/sentences.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_normalizer.cc
  ${CMAKE_CURRENT_LIST_DIR}/charset.cc
  ${CMAKE_CURRENT_LIST_DIR}/chinese_number.cc
  ${CMAKE_CURRENT_LIST_DIR}/currency.cc
  ${CMAKE_CURRENT_LIST_DIR}/money.cc
  ${CMAKE_CURRENT_LIST_DIR}/money_qualifier.cc
  ${CMAKE_CURRENT_LIST_DIR}/terms.cc
)
