#pragma once
// Look and feel: a calm light theme (projectors wash out dark ones) with
// rounded frames and generous spacing, and one colour per pillar used
// everywhere (lever groups, chart lines, the triangle's corners).
// Pillar colours are from the Okabe–Ito colour-blind-safe palette.
#include <vector>

#include "imgui.h"

namespace theme {


// Colours of text and marks that depend on the theme: the pillar colours and
// the others above, darkened for the light theme and lightened for the dark
// one so that text keeps 4.5:1 and lines, bands and marks 3:1 against what
// they are drawn on (WCAG 2.1, 1.4.3 and 1.4.11; contrast_pairs() lists them).
struct Ink {
    ImU32 pillar[3];  // Protect, Promote, Partner: text, lines, slider grabs
    ImU32 data_corner[3];  // the data-governance triangle's corners (Okabe–Ito sky blue, orange, reddish purple)
    ImU32 better, worse;  // ▲ / ▼ changes (matrix, room)
    ImU32 accent;     // headings, the current scenario in the triangle
    ImU32 compare;    // the pinned scenario
    ImU32 warning;    // warning notices
    ImU32 focus;      // the keyboard focus ring
    // The room's participants, told apart by hue (the room view's marks and
    // their numbered badges, as text on the panel and with the panel's colour
    // written on them); a row's colour is participant[(number - 1) % kParticipantColors].
    static constexpr int kParticipantColors = 8;
    ImU32 participant[kParticipantColors];
};
const Ink& ink();

// Tints behind text, as alpha of a pillar or accent colour over the panel.
inline constexpr float kHeaderTint = 0.10f, kHeaderTintHovered = 0.16f, kHeaderTintActive = 0.22f;
inline constexpr float kMatrixCellTintMax = 0.20f;  // the matrix cell with the largest value
// The Monte Carlo bands: fills (light, behind the lines) and the 5–95% band's
// edge lines, which carry the contrast (a fill dark enough for 3:1 would hide
// the lines in it).
inline constexpr float kBandOuterTint = 0.12f, kBandInnerTint = 0.20f;

// One foreground/background pair as drawn: `fg` (with its alpha) over `bg`
// (with its alpha) over the opaque `base`; `text`: needs 4.5:1, else 3:1.
struct ContrastPair {
    const char* name;
    ImVec4 fg, bg, base;
    bool text;
};
// Every pair of the current theme (the test hook hands them to
// tests/browser/theme.test.mjs, which computes the ratios).
std::vector<ContrastPair> contrast_pairs();

// Applies the light theme to the current ImGui style. Sizes are in logical
// pixels (the platform layer handles the device pixel ratio).
void apply_light();

// The dark option (same sizes, dark colours).
void apply_dark();

// Buttons, sliders, fields and the entries of menus and lists a finger taps
// are at least this tall (CSS px): WCAG 2.5.5's 44, Apple's 44 pt.
inline constexpr float kFingerTarget = 44.0f;
// Called each frame before the UI: frames as tall as kFingerTarget while
// `touch` (platform::FrameInfo::touch), the theme's own size otherwise.
void fit_targets(bool touch);
// The height that makes a menu or list entry (an ImGui Selectable, which
// also covers half the item gap above and below it) as tall as
// kFingerTarget while `touch`; 0 (one text line) otherwise.
float list_entry_height(bool touch);

// Page background (for platform::Options::clear_color).
inline constexpr float kBackground[3] = {0.953f, 0.957f, 0.969f};
inline constexpr float kBackgroundDark[3] = {0.086f, 0.098f, 0.118f};

}  // namespace theme
