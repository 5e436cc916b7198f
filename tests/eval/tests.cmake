# Tests of the eval code, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
)
