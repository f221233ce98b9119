# The native command-line runner: build/native/looplab.
file(GLOB looplab_srcs CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tools/looplab/*.cpp")
add_executable(looplab ${looplab_srcs})
target_compile_options(looplab PRIVATE ${LOOPLAB_WARNINGS})
target_link_libraries(looplab PRIVATE ll_engine)
