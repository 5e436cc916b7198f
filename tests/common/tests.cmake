# Tests of the common stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
)
