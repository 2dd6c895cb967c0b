# The man pages: docs/man/NAME.SECTION.scd, written in scdoc (scdoc(5)),
# become ${CMAKE_BINARY_DIR}/man/NAME.SECTION with every build (target
# `man`), and are installed into ${CMAKE_INSTALL_MANDIR}/manSECTION
# compressed (gzip -9n, as Debian's policy asks: gzip stores no name or
# time; the page's own date is the build's, or SOURCE_DATE_EPOCH's).
# tests/e2e/man_pages.py finds them beside the rpx binary, under man/.
include(GNUInstallDirs)
find_program(SCDOC scdoc REQUIRED)
find_program(GZIP gzip REQUIRED)

file(GLOB rpx_man_sources CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/docs/man/*.scd)
list(SORT rpx_man_sources)
set(rpx_man_pages)
foreach(source IN LISTS rpx_man_sources)
  get_filename_component(page ${source} NAME_WLE)   # rpx-check.1
  string(REGEX REPLACE "^.*\\.([1-9])$" "\\1" section ${page})
  if(section STREQUAL page)
    message(FATAL_ERROR "${source}: name it NAME.SECTION.scd (rpx-check.1.scd)")
  endif()
  set(output ${CMAKE_BINARY_DIR}/man/${page})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DSCDOC=${SCDOC} -DIN=${source} -DOUT=${output}
            -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_LIST_DIR}/scdoc.cmake
    DEPENDS ${source} ${CMAKE_CURRENT_LIST_DIR}/scdoc.cmake
    COMMENT "Building the man page ${page}"
    VERBATIM)
  add_custom_command(
    OUTPUT ${output}.gz
    COMMAND ${GZIP} -9nkf ${output}
    DEPENDS ${output}
    VERBATIM)
  list(APPEND rpx_man_pages ${output} ${output}.gz)
  install(FILES ${output}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
add_custom_target(man ALL DEPENDS ${rpx_man_pages})
