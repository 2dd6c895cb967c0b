# Shell completions (docs/cli.md, "Completions"): the scripts the built rpx
# prints with `rpx completion SHELL`, made from its command table, and
# installed where bash-completion, zsh and fish look for them.
#
# Included from CMakeLists.txt after the rpx target; also run as a script
# by the build, to write one:
#   cmake -DRPX=build/dev/rpx -DSHELL_NAME=bash -DOUT=rpx.bash -P completions.cmake

if(CMAKE_SCRIPT_MODE_FILE)
  # In English whatever the locale of the build: zsh and fish show the
  # descriptions.
  execute_process(COMMAND ${RPX} --lang en completion ${SHELL_NAME}
                  OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    file(REMOVE ${OUT}.tmp)
    message(FATAL_ERROR "rpx completion ${SHELL_NAME} failed: ${rc}")
  endif()
  file(RENAME ${OUT}.tmp ${OUT})
  return()
endif()

include(GNUInstallDirs)

set(rpx_completions_dir ${CMAKE_BINARY_DIR}/completions)
set(rpx_completions)
foreach(shell_file IN ITEMS "bash:rpx.bash" "zsh:_rpx" "fish:rpx.fish")
  string(REPLACE ":" ";" shell_file ${shell_file})
  list(GET shell_file 0 shell)
  list(GET shell_file 1 file)
  add_custom_command(
    OUTPUT ${rpx_completions_dir}/${file}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${rpx_completions_dir}
    COMMAND ${CMAKE_COMMAND} -DRPX=$<TARGET_FILE:rpx> -DSHELL_NAME=${shell}
            -DOUT=${rpx_completions_dir}/${file}
            -P ${CMAKE_CURRENT_LIST_FILE}
    DEPENDS rpx ${CMAKE_CURRENT_LIST_FILE}
    COMMENT "Writing the ${shell} completion"
    VERBATIM)
  list(APPEND rpx_completions ${rpx_completions_dir}/${file})
endforeach()
add_custom_target(rpx_completions ALL DEPENDS ${rpx_completions})

install(FILES ${rpx_completions_dir}/rpx.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME rpx)
# zsh: Debian's zsh reads packages' completions from
# /usr/share/zsh/vendor-completions, and the local ones from
# /usr/local/share/zsh/site-functions (its fpath): the directory follows the
# prefix the install uses (the package's /usr is known only then).
install(CODE "
  if(CMAKE_INSTALL_PREFIX MATCHES [[^/usr/*$]])
    set(rpx_zsh_dir zsh/vendor-completions)
  else()
    set(rpx_zsh_dir zsh/site-functions)
  endif()
  file(INSTALL DESTINATION
       \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/\${rpx_zsh_dir}\"
       TYPE FILE FILES [[${rpx_completions_dir}/_rpx]])
")
install(FILES ${rpx_completions_dir}/rpx.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
