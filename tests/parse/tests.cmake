# Tests of the parse stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
)
