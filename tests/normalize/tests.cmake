# Tests of the normalize stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sentences_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_normalizer_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/charset_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/chinese_number_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/money_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/terms_test.cc
)
