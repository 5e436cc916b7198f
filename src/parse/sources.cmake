# Files of the parse stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
)
