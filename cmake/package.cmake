# The Debian package (docs/install.md): `cmake --build --preset release
# --target package`, or scripts/package, writes rpx_VERSION_ARCH.deb in the
# build directory. CPack installs the project's install rules (see
# cmake/install.cmake and the files it names) under the prefix /usr into a
# staging directory and packs that.

# /usr/share/doc/rpx/copyright, in Debian's machine-readable format, made
# from LICENSE. Every install gets it: it is the license again, in the form
# Debian's tools read.
file(STRINGS ${PROJECT_SOURCE_DIR}/LICENSE rpx_license_lines)
list(POP_FRONT rpx_license_lines rpx_license_name)
if(NOT rpx_license_name STREQUAL "MIT License")
  message(FATAL_ERROR "LICENSE is no longer the MIT License: update the "
                      "License field of the copyright file in ${CMAKE_CURRENT_LIST_FILE}")
endif()
set(rpx_copyright_holders)
set(rpx_license_text)
foreach(line IN LISTS rpx_license_lines)
  if(line MATCHES "^Copyright \\(c\\) (.+)$")
    set(rpx_copyright_holders "${CMAKE_MATCH_1}")
  elseif(rpx_copyright_holders AND (rpx_license_text OR line))
    if(line)
      string(APPEND rpx_license_text " ${line}\n")
    else()
      string(APPEND rpx_license_text " .\n")
    endif()
  endif()
endforeach()
if(NOT rpx_copyright_holders OR NOT rpx_license_text)
  message(FATAL_ERROR "LICENSE has no 'Copyright (c) ...' line followed by "
                      "the license text")
endif()
set(rpx_copyright ${PROJECT_BINARY_DIR}/copyright)
file(CONFIGURE OUTPUT ${rpx_copyright} @ONLY CONTENT
"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: rpx

Files: *
Copyright: @rpx_copyright_holders@
License: Expat
@rpx_license_text@")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/LICENSE)
install(FILES ${rpx_copyright} DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(RPX_PACKAGE_MAINTAINER
    "rpx maintainers <maintainers@users.noreply.r-seed-666e85f5.example>"
    CACHE STRING "The Maintainer field of the .deb")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rpx)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The rpx authors")
set(CPACK_PACKAGE_CONTACT "${RPX_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "residence-permit checklist and deadline tracker for students in China")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"rpx follows a foreign student through the five steps of extending a
Chinese residence permit, and computes the dates that matter: the filing
deadline 30 days before the permit expires, moved to the last day the
Exit-Entry office is open, and the passport's return 15 workdays after the
Progress Note, counted with China's official holidays and adjusted working
weekends. It has the State Council's schedules of 2015-2026 compiled in,
estimates later years and says so, and reads new tables from
/etc/rpx/holidays.

International offices create state files from a roster, check a whole
cohort (table, CSV, JSON or an HTML report), send reminders from cron or a
systemd timer and export iCalendar files. In English, Chinese and Korean.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Depends: from the shared libraries the binary links (dpkg-shlibdeps, from
# dpkg-dev), so that apt brings them in.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
# Install with the prefix /usr, whatever the build's CMAKE_INSTALL_PREFIX,
# and DESTDIR pointing at the staging directory (CPACK_SET_DESTDIR, with
# which CPack takes the prefix from CPACK_INSTALL_PREFIX): the absolute
# /etc/rpx/holidays then lands in the package, not on the machine that builds
# it, and install-time code (cmake/install.cmake) sees the real prefix.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
