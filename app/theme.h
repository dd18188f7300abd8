#pragma once
// Look and feel: a calm light theme (projectors wash out dark ones) with
// rounded frames and generous spacing, and one colour per pillar used
// everywhere (lever groups, chart lines, the triangle's corners).
// Pillar colours are from the Okabe–Ito colour-blind-safe palette.
#include "imgui.h"

namespace theme {

// Okabe–Ito
inline constexpr ImU32 kProtect = IM_COL32(0xD5, 0x5E, 0x00, 0xFF);  // vermillion
inline constexpr ImU32 kPromote = IM_COL32(0x00, 0x9E, 0x73, 0xFF);  // bluish green
inline constexpr ImU32 kPartner = IM_COL32(0x00, 0x72, 0xB2, 0xFF);  // blue

inline constexpr ImU32 kTextMuted = IM_COL32(0x5B, 0x63, 0x73, 0xFF);
inline constexpr ImU32 kAccent = IM_COL32(0x1F, 0x5F, 0xAD, 0xFF);

// Applies the light theme to the current ImGui style. Sizes are in logical
// pixels (the platform layer handles the device pixel ratio).
void apply_light();

// The dark option (same sizes, dark colours).
void apply_dark();

// Page background (for platform::Options::clear_color).
inline constexpr float kBackground[3] = {0.953f, 0.957f, 0.969f};
inline constexpr float kBackgroundDark[3] = {0.086f, 0.098f, 0.118f};

}  // namespace theme
