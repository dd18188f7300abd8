#include "app/qr.h"

#include <optional>

#include "imgui.h"
#include "qrcodegen.hpp"

namespace ui {

bool qr_code(const std::string& text, float size) {
    // Encoding takes a little time: keep the last code.
    static std::string cached_text;
    static std::optional<qrcodegen::QrCode> cached;
    if (!cached || text != cached_text) {
        cached_text = text;
        try {
            cached = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        } catch (const std::exception&) {  // data too long
            cached.reset();
        }
    }
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), IM_COL32_WHITE, 6.0f);
    if (!cached) return false;
    const int n = cached->getSize();
    const float module = size / (n + 8);  // 4-module quiet zone on each side
    const float x0 = p.x + module * 4, y0 = p.y + module * 4;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            if (cached->getModule(x, y))
                dl->AddRectFilled(ImVec2(x0 + x * module, y0 + y * module),
                                  ImVec2(x0 + (x + 1) * module + 0.3f, y0 + (y + 1) * module + 0.3f), IM_COL32_BLACK);
    return true;
}

}  // namespace ui
