# Writes `momentum completion SHELL` to OUTPUT, at build time:
#   cmake -DMOMENTUM=path/to/momentum -DCOMPLETION_SHELL=bash -DOUTPUT=file -P completion.cmake
# The builder's own settings must not leak in: a broken ~/.config/momentum/config.json or a stray
# MOMENTUM_NOW would fail the build, so HOME points into the build tree and they are cleared.
foreach(var IN ITEMS MOMENTUM_CONFIG XDG_CONFIG_HOME MOMENTUM_NOW MOMENTUM_JOURNAL MOMENTUM_DIR
                     XDG_DATA_HOME)
  unset(ENV{${var}})
endforeach()
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
set(ENV{HOME} "${dir}")

execute_process(COMMAND "${MOMENTUM}" completion "${COMPLETION_SHELL}"
                OUTPUT_FILE "${OUTPUT}.tmp" ERROR_VARIABLE err RESULT_VARIABLE rc)
file(SIZE "${OUTPUT}.tmp" size)
if(NOT rc EQUAL 0 OR size EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "'momentum completion ${COMPLETION_SHELL}' failed (exit ${rc}, "
                      "${size} bytes): ${err}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
