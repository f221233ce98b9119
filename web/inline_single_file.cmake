# Writes the self-contained page: index.html with the single-file build of the app (wasm and
# fonts already embedded in its JavaScript) inlined, so it runs from file:// with no server.
# Usage: cmake -DHTML=index.html -DJS=looplab.js -DOUT=looplab.html -P inline_single_file.cmake
file(READ "${HTML}" page)
file(READ "${JS}" app)
# Inside <script>, "</script" would end the element and "<!--" changes how it is parsed; in
# JavaScript "<\/" and "<\!" read the same inside strings, which is the only place they occur.
string(REPLACE "</script" "<\\/script" app "${app}")
string(REPLACE "<!--" "<\\!--" app "${app}")
foreach(marker "var singleFile = false;" "<!-- looplab:inline-app -->")
  string(FIND "${page}" "${marker}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "index.html lacks the marker '${marker}' that the single-file page needs")
  endif()
endforeach()
string(REPLACE "var singleFile = false;" "var singleFile = true;" page "${page}")
string(REPLACE "<!-- looplab:inline-app -->" "<script>\n${app}\n</script>" page "${page}")
file(WRITE "${OUT}" "${page}")
