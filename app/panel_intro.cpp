// The first minute: a short introduction shown on a first visit — the three
// pillars in a sentence each, what 50 means, and the catch (any two at their
// best cost the third; a careful mix holds all three, lower)
// (001:L36), and what to try first. Sized to fit a phone screen. "Don't show
// this again" starts ticked, so the introduction greets a first visit only;
// untick it to see it again next time. It is remembered in the browser's
// storage; View → Introduction opens it again.
#include <algorithm>

#include "app/browser.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

namespace {
constexpr const char* kIntroHiddenKey = "trilemma.intro_hidden";

void pillar_line(tl::Pillar p, const char* text, float column) {
    const float start = ImGui::GetCursorPosX();  // SameLine's offset counts from the window's edge, not its padding
    ImGui::PushStyleColor(ImGuiCol_Text, pillar_color(p));
    ImGui::PushFont(platform::font_bold());
    ImGui::TextUnformatted(std::string(tl::kPillarNames[tl::idx(p)]).c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine(start + column);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}
}  // namespace

bool intro_hidden_for_good() { return browser::storage_read(kIntroHiddenKey, 8).text == "1"; }

void draw_intro(app::AppState& state) {
    auto& st = state.settings;
    if (!st.intro_open) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float font = ImGui::GetFontSize();
    const float w = std::min(display.x - 20.0f, font * 30.0f);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, display.y - 20.0f));
    ImGui::SetNextWindowFocus();
    if (!ImGui::Begin("Welcome to Trilemma Lab###intro", &st.intro_open,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    // The text scrolls above the buttons where the screen is short (a phone
    // held sideways, 360x640): Start exploring had been below the fold.
    static float body_h = 0;  // the text's own height, measured last frame
    const ImGuiStyle& style = ImGui::GetStyle();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + style.ItemSpacing.y;  // the buttons may wrap to two rows
    const float most = display.y - 20.0f - ImGui::GetFrameHeight() - 2 * style.WindowPadding.y - footer;
    ImGui::BeginChild("##intro_text", ImVec2(0, std::max(font * 4, body_h > 0 ? std::min(body_h, most) : most)));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("You set technology policy for one bloc and see what the mix does, year by year, to three "
                           "goals:");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushFont(platform::font_bold());
    const float column = ImGui::CalcTextSize("Promote").x + font * 0.8f;
    ImGui::PopFont();
    pillar_line(tl::Pillar::Protect, "security: keep the technologies that matter from the rival, at low risk.", column);
    pillar_line(tl::Pillar::Promote, "prosperity: capability, growth and innovation at home.", column);
    pillar_line(tl::Pillar::Partner, "partnership: allies and the Global South with you, one set of standards.", column);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Every score is 50 on today's course (the 2024 policies, with the trends already under way): "
                           "above 50 is better than that course, below is worse.");
    ImGui::Spacing();
    ImGui::TextUnformatted("The catch: push any two as far as they go and the third pays for it. A careful mix holds all "
                           "three, but below the best of any two: \"not quite an impossible trinity\".");
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemHovered()) tooltip_with_source("The economic-security trilemma.", "Source", "001:L36");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Try first: raise export controls on chips, then market access for partners, and read "
                           "the story of what moved.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Spacing();
    if (small_button("About the model")) {
        st.intro_open = false;
        st.about_open = true;
    }
    if (ImGui::IsItemHovered()) wrapped_tooltip("What the model is for, what it leaves out, how it was calibrated");
    body_h = ImGui::GetCursorPosY();
    ImGui::EndChild();
    ImGui::Checkbox("Don't show this again", &st.intro_dont_show);
    const char* start = "Start exploring";
    same_line_if_button_fits(start);
    if (ImGui::Button(start) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) st.intro_open = false;
    ImGui::End();
    if (!st.intro_open) {
        if (st.intro_dont_show) browser::storage_write(kIntroHiddenKey, "1");
        else browser::storage_remove(kIntroHiddenKey);
    }
}

}  // namespace ui
