# Turns one scdoc source into a man page:
#
#   cmake -DSCDOC=/usr/bin/scdoc -DIN=docs/man/rpx.1.scd -DOUT=man/rpx.1 \
#         -DVERSION=0.1.0 -P cmake/scdoc.cmake
#
# - @RPX_VERSION@ in the source becomes VERSION (the page's footer);
# - scdoc reads standard input and writes standard output, which
#   add_custom_command cannot redirect;
# - scdoc's `.nh` comes before `.TH`, which turns hyphenation back on, and
#   groff breaks a line after any `-`, so that man would split option names
#   (--stu-dent-id, --student-\nid) and page names across lines, where
#   nobody finds them with a search: after `.TH`, `.nh` again, and `-` loses
#   its break-after property (`.cflags 0 -`).
# On an error nothing is left at OUT, so that the next build tries again.
get_filename_component(out_dir ${OUT} DIRECTORY)
file(MAKE_DIRECTORY ${out_dir})
file(READ ${IN} text)
string(REPLACE "@RPX_VERSION@" "${VERSION}" text "${text}")
file(WRITE ${OUT}.scd "${text}")
execute_process(
  COMMAND ${SCDOC}
  INPUT_FILE ${OUT}.scd
  OUTPUT_VARIABLE roff
  ERROR_VARIABLE err
  RESULT_VARIABLE rc)
file(REMOVE ${OUT}.scd)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "${IN}: scdoc failed (${rc}): ${err}")
endif()
string(REGEX REPLACE "(\n\\.TH [^\n]*\n)" "\\1.nh\n.cflags 0 -\n" roff "${roff}")
file(WRITE ${OUT}.tmp "${roff}")
file(RENAME ${OUT}.tmp ${OUT})
