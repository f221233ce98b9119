# The command-line runner. Native: build/native/looplab. WebAssembly: build/wasm/looplab-node.js,
# the same runner for Node (real files through NODERAWFS), so the differential corpus can run
# against the WebAssembly build of the engine.
file(GLOB looplab_srcs CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tools/looplab/*.cpp")
if(NOT looplab_srcs)
  message(WARNING "tools/looplab has no sources yet: the looplab runner is not built")
  return()
endif()
if(EMSCRIPTEN)
  add_executable(looplab-node ${looplab_srcs})
  target_compile_options(looplab-node PRIVATE ${LOOPLAB_WARNINGS})
  target_link_libraries(looplab-node PRIVATE ll_engine)
  target_link_options(looplab-node PRIVATE -sNODERAWFS=1 -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1
    -sEXIT_RUNTIME=1 -sTOTAL_STACK=4MB)
else()
  add_executable(looplab ${looplab_srcs})
  target_compile_options(looplab PRIVATE ${LOOPLAB_WARNINGS})
  target_link_libraries(looplab PRIVATE ll_engine)
endif()
