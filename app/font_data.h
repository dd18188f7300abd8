#pragma once
// UI fonts embedded at build time (cmake/embed.cmake) from Debian's font
// packages: Inter Regular / SemiBold (fonts-inter, OpenType-CFF, which ImGui's
// stb_truetype reads), or DejaVu Sans where Inter is missing. See
// UI_FONT_FILE / UI_FONT_BOLD_FILE in cmake/TrilemmaDeps.cmake.

extern const unsigned char kUiFontTtf[];
extern const unsigned int kUiFontTtfSize;
extern const unsigned char kUiFontBoldTtf[];
extern const unsigned int kUiFontBoldTtfSize;
