# Tests of the report stage, compiled into dealwatch_tests.
target_sources(dealwatch_tests PRIVATE
)
