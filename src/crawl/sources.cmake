# Files of the crawl stage, compiled into dealwatch_core.
target_sources(dealwatch_core PRIVATE
)
