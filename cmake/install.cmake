# What `make install` and the .deb put on a machine: the binary, the man page, and the shell
# completions, which the just-built binary prints from its own CLI11 definition.
include(GNUInstallDirs)

install(TARGETS momentum RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES docs/momentum.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# zsh looks only in its $fpath. Debian's zsh has /usr/share/zsh/vendor-completions (for packages)
# and /usr/local/share/zsh/site-functions (for local installs) in it, so prefix /usr gets the
# first and any other prefix upstream zsh's site-functions: /usr/local works as installed,
# ~/.local needs `fpath+=(~/.local/share/zsh/site-functions)`.
set(MOMENTUM_ZSH_COMPLETION_DIR "" CACHE STRING
    "Where the zsh completion goes, under the prefix (empty: chosen by the prefix)")
if(MOMENTUM_ZSH_COMPLETION_DIR)
  set(zsh_completion_dir ${MOMENTUM_ZSH_COMPLETION_DIR})
elseif(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(zsh_completion_dir ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
else()
  set(zsh_completion_dir ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
endif()

# Generates `momentum completion SHELL` into build/…/completions/SHELL/FILE after each link and
# installs it to `destination`; a failing or empty generator fails the build.
function(momentum_completion shell file destination)
  set(out ${PROJECT_BINARY_DIR}/completions/${shell}/${file})
  add_custom_command(OUTPUT ${out}
                     COMMAND ${CMAKE_COMMAND} -DMOMENTUM=$<TARGET_FILE:momentum>
                             -DCOMPLETION_SHELL=${shell} -DOUTPUT=${out}
                             -P ${PROJECT_SOURCE_DIR}/cmake/completion.cmake
                     DEPENDS momentum ${PROJECT_SOURCE_DIR}/cmake/completion.cmake
                     COMMENT "Generating the ${shell} completion" VERBATIM)
  install(FILES ${out} DESTINATION ${destination})
  set_property(GLOBAL APPEND PROPERTY MOMENTUM_COMPLETION_FILES ${out})
endfunction()

momentum_completion(bash momentum ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
momentum_completion(zsh _momentum ${zsh_completion_dir})
momentum_completion(fish momentum.fish ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
get_property(completion_files GLOBAL PROPERTY MOMENTUM_COMPLETION_FILES)
add_custom_target(completions ALL DEPENDS ${completion_files})

# `cpack` (run by `make package`) makes a .deb of the same install, for prefix /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_VERBATIM_VARIABLES ON)  # the description holds quotes
set(CPACK_PACKAGE_NAME momentum)
set(CPACK_PACKAGE_VENDOR "The momentum authors")
set(MOMENTUM_DEB_MAINTAINER "The momentum authors <momentum@localhost>" CACHE STRING
    "The Maintainer field of the .deb: a name and an email address")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MOMENTUM_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "habit and learning-loop tracker for the command line")
# The extended description: Debian wants lines under 80 columns, and CPack does not wrap.
set(CPACK_PACKAGE_DESCRIPTION [[momentum turns the loop "learn just enough, solve a real problem, learn again"
into goals, tasks, short sprints and daily check-ins, and tells the truth
about procrastination with honest streaks and metrics. Its data is a plain
JSON Lines journal on your own disk: one binary, no server, no account.]])
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # momentum_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # Depends from dpkg-shlibdeps: libfmt, libsimdjson, libc…
# …and the libraries `import` opens with dlopen, which dpkg-shlibdeps cannot see.
set(opened ${MOMENTUM_LIBZIP_PACKAGE} ${MOMENTUM_SQLITE_PACKAGE})
list(JOIN opened ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)  # `momentum sync` runs git; nothing else needs it
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
    GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/deb_extras.cmake)
set(CPACK_MOMENTUM_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)  # read by deb_extras.cmake
include(CPack)
