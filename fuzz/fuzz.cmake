# libFuzzer targets, one per parser that reads outside input (see
# docs/robustness.md). Does nothing unless DEALWATCH_FUZZ is ON. With it ON
# the whole project (dealwatch_core and everything linking it) is built with
# ASan + UBSan and libFuzzer's coverage instrumentation; each target links
# libFuzzer itself. Needs clang:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DDEALWATCH_FUZZ=ON
# scripts/fuzz.sh does this and runs every target.
option(DEALWATCH_FUZZ "Build the libFuzzer targets under fuzz/ (clang only)" OFF)
if(NOT DEALWATCH_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "DEALWATCH_FUZZ needs clang (CXX=clang++), not ${CMAKE_CXX_COMPILER_ID}")
endif()

# PUBLIC, so the binary, the tests and the fuzzers all get the same flags:
# the core must be instrumented for libFuzzer to see its coverage.
set(DEALWATCH_FUZZ_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
target_compile_options(dealwatch_core PUBLIC
  ${DEALWATCH_FUZZ_SANITIZERS} -fsanitize=fuzzer-no-link -fno-omit-frame-pointer -g)
target_link_options(dealwatch_core PUBLIC -fsanitize=address,undefined)

# `cmake --build build-fuzz --target fuzzers` builds all of them.
add_custom_target(fuzzers)
foreach(target charset article normalize rule_file extractor feed robots)
  add_executable(${target}_fuzzer ${CMAKE_CURRENT_LIST_DIR}/${target}_fuzzer.cc)
  target_compile_definitions(${target}_fuzzer PRIVATE DEALWATCH_FUZZ_MAIN)
  target_include_directories(${target}_fuzzer PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  target_link_libraries(${target}_fuzzer PRIVATE dealwatch_core)
  target_link_options(${target}_fuzzer PRIVATE -fsanitize=fuzzer)
  add_dependencies(fuzzers ${target}_fuzzer)
endforeach()
