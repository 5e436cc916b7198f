# Tests of the extract stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
)
