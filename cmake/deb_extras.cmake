# Run by CPack on the staged files just before it makes the .deb (CPACK_PRE_BUILD_SCRIPTS): what
# Debian's policy asks of a package beyond `make install`. The man page is gzipped (-9n: no name
# or time stamp, so the package is reproducible) and the license becomes the copyright file.
set(stage "${CPACK_TEMPORARY_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
if(NOT EXISTS "${stage}/bin/momentum")
  message(FATAL_ERROR "deb_extras.cmake: nothing staged at ${stage}")
endif()

execute_process(COMMAND gzip -9nf "${stage}/share/man/man1/momentum.1" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "deb_extras.cmake: gzip of the man page failed (${rc})")
endif()

# Not file(INSTALL): CPack runs this script with DESTDIR set to the staging directory.
file(MAKE_DIRECTORY "${stage}/share/doc/momentum")
file(COPY_FILE "${CPACK_MOMENTUM_LICENSE}" "${stage}/share/doc/momentum/copyright")
file(CHMOD "${stage}/share/doc/momentum" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE
     OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
file(CHMOD "${stage}/share/doc/momentum/copyright" PERMISSIONS OWNER_READ OWNER_WRITE
     GROUP_READ WORLD_READ)
