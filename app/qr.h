#pragma once
// A QR code of a share link, drawn with ImGui (phones in a workshop room scan
// it). Encoding by Nayuki's qrcodegen (Debian source package qr-code-generator).
#include <string>

namespace ui {

// Draws the code for `text` as a square of `size` logical pixels (quiet zone
// included). Returns false if the text is too long for a QR code.
bool qr_code(const std::string& text, float size);

}  // namespace ui
