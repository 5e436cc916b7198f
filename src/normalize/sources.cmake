# Files of the normalize stage (ICU only), compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_normalizer.cc
)
