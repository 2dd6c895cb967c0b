# What `cmake --install` puts where (docs/install.md), under the prefix given
# at configure time (CMAKE_INSTALL_PREFIX, default /usr/local) or at install
# time (`cmake --install BUILD --prefix DIR`), below $DESTDIR when it is set.
# The man pages (cmake/man.cmake) and the shell completions
# (cmake/completions.cmake) install themselves; cmake/package.cmake adds the
# Debian copyright file and makes the .deb from the same rules.
include(GNUInstallDirs)

install(TARGETS rpx RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The documentation, flat in DOCDIR (share/doc/rpx): the README, the license
# and every docs/*.md, with the images they show.
file(GLOB rpx_doc_pages CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
              ${rpx_doc_pages}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/images
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Examples: the demo student of the README's quick start, and a systemd user
# service and timer for `rpx remind` (docs/staff.md). The service's ExecStart
# names the installed binary, so it is written at install time, with the
# prefix that install uses: `--prefix ~/.local` and the package (to which
# CPack gives the prefix /usr only when it installs) each name their own
# bin/rpx, not the prefix the build was configured with.
install(FILES ${PROJECT_SOURCE_DIR}/data/demo/student.json
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
set(rpx_units ${PROJECT_SOURCE_DIR}/docs/examples/systemd)
set(rpx_examples ${CMAKE_INSTALL_DOCDIR}/examples/systemd)
install(FILES ${rpx_units}/rpx-remind.timer DESTINATION ${rpx_examples})
# Written straight into the destination (below $DESTDIR), so that an install
# writes nothing into the build tree, which a root install would leave
# root's; listed in install_manifest.txt like the rest.
install(CODE "
  set(CMAKE_INSTALL_FULL_BINDIR [[${CMAKE_INSTALL_BINDIR}]])
  cmake_path(ABSOLUTE_PATH CMAKE_INSTALL_FULL_BINDIR
             BASE_DIRECTORY \"\${CMAKE_INSTALL_PREFIX}\" NORMALIZE)
  set(rpx_service \"\${CMAKE_INSTALL_PREFIX}/${rpx_examples}/rpx-remind.service\")
  cmake_path(NORMAL_PATH rpx_service)
  message(STATUS \"Installing: \$ENV{DESTDIR}\${rpx_service}\")
  configure_file([[${rpx_units}/rpx-remind.service.in]]
                 \"\$ENV{DESTDIR}\${rpx_service}\" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${rpx_service}\")
")

# The system holiday directory. rpx reads /etc/rpx/holidays/*.json whatever
# its prefix (src/cli/context.cpp; RPX_SYSCONFDIR moves it, for tests), so
# this one destination is absolute. It is created only for the prefix /usr,
# a distribution's install and the .deb's (GNUInstallDirs puts SYSCONFDIR at
# /etc for that prefix alone): an install anywhere else (/usr/local, /opt,
# ~/.local) writes nothing outside its prefix and needs no root beyond it.
# rpx needs no directory there: `rpx holidays import --install --system`
# creates it. In the package it is an empty directory, so dpkg removes it
# with the package when it is empty and keeps it, and the tables an
# administrator put there, when it is not.
set(rpx_holidays_dir ${PROJECT_BINARY_DIR}/sysconf/holidays)
file(MAKE_DIRECTORY ${rpx_holidays_dir})
install(CODE "
  if(CMAKE_INSTALL_PREFIX MATCHES [[^/usr/*$]])
    file(INSTALL DESTINATION /etc/rpx TYPE DIRECTORY
         FILES [[${rpx_holidays_dir}]])
  endif()
")
