# Dear ImGui (1.86, from the Debian source package) as a static library with
# the SDL2 and OpenGL3 backends. In 1.86 the SDL backend is imgui_impl_sdl.cpp
# (functions ImGui_ImplSDL2_*); later versions renamed it imgui_impl_sdl2.cpp.

set(_imgui_backend_sdl "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp")
if(NOT EXISTS "${_imgui_backend_sdl}")
  set(_imgui_backend_sdl "${IMGUI_DIR}/backends/imgui_impl_sdl.cpp")
endif()

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp"
  "${IMGUI_DIR}/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/imgui_demo.cpp"     # only linked in if ShowDemoWindow() etc. are used
  "${_imgui_backend_sdl}"
  "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
# SYSTEM: our warning flags are not for ImGui's own code.
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
# IMGUI_ENABLE_TEST_ENGINE: ImGui reports every labelled item to app/screen_audit.cpp, so
# the test hook can say where each button is and which text is cut off.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE)
# Third-party code: its warnings (e.g. C++20 enum arithmetic) are not ours to fix.
target_compile_options(imgui PRIVATE -w)
target_link_libraries(imgui PUBLIC SDL2::SDL2)
if(EMSCRIPTEN)
  # WebGL2 = OpenGL ES 3.0. No filesystem in the wasm build (-sNO_FILESYSTEM=1),
  # so no imgui.ini / file helpers.
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_FILE_FUNCTIONS)
else()
  # The OpenGL3 backend loads GL entry points itself (dlopen of libGL).
  target_link_libraries(imgui PUBLIC OpenGL::GL ${CMAKE_DL_LIBS})
endif()
