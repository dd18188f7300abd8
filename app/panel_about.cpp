// "About the model": what Trilemma Lab is for (exploring trade-offs, not
// predicting), what it leaves out, how it was calibrated, which numbers are
// assumptions, and where to read more. Opened from View → About the model and
// from the introduction. The counts are read from the core's own tables, so
// the page cannot drift from the model it describes.
//
// Index of this file:
// [SECTION] Text helpers
// [SECTION] The page
#include <algorithm>
#include <string>

#include "app/panels.h"
#include "app/platform.h"
#include "app/ui_common.h"
#include "core/history.h"
#include "core/parameters.h"
#include "core/version.h"
#include "imgui.h"

namespace ui {
namespace {

// ---------------------------------------------------------------------------
// [SECTION] Text helpers
// ---------------------------------------------------------------------------

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(platform::font_bold());
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void paragraph(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

void bullet(const char* text) {
    ImGui::Bullet();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

struct ParameterCounts {
    int total = 0, assumptions = 0, uncertain = 0;
};
ParameterCounts count_parameters() {
    ParameterCounts c;
    for (const auto& d : tl::param_defs()) {
        ++c.total;
        c.assumptions += d.assumption ? 1 : 0;
        c.uncertain += d.uncertain() ? 1 : 0;
    }
    return c;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The page
// ---------------------------------------------------------------------------

void draw_about(app::AppState& state) {
    auto& st = state.settings;
    if (!st.about_open) return;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float font = ImGui::GetFontSize();
    const float w = std::min(display.x - 20.0f, font * 34.0f);
    const float h = std::min(display.y - 20.0f, font * 40.0f);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    if (!ImGui::Begin("About the model###about", &st.about_open,
                      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                          ImGuiWindowFlags_NoResize)) {
        ImGui::End();
        return;
    }
    const ParameterCounts params = count_parameters();

    heading("What it is for");
    paragraph("Trilemma Lab is for exploring trade-offs, not for predicting. It shows how a mix of technology "
              "policies pulls security (Protect), prosperity (Promote) and partnership (Partner) apart, through "
              "mechanisms the sources describe: controls leak unless allies follow, allies follow only as far as "
              "their costs are met, market access means imports, broad controls decouple trade. The trade-off is "
              "not written in as a rule; it comes out of those mechanisms.");
    paragraph("Read the direction and the rough size of a change, against today's course, not the decimals. A "
              "score of 50 is where the bloc would stand on the reference course in the same year; the shaded bands "
              "show how far the result moves when every uncertain assumption varies within its range.");

    heading("What it leaves out");
    bullet("Domestic politics, elections and public opinion; firms' own strategies one by one.");
    bullet("Military conflict: escalation is an index of tit-for-tat measures, not a war model.");
    bullet("Exchange rates, interest rates and the business cycle.");
    bullet("Countries inside a bloc: the EU acts as one, the Global South is one swing bloc, the allies one group.");
    bullet("Six sectors only (semiconductors, AI, quantum, clean tech, biotech, telecom); everything else is the "
           "rest of the economy.");
    bullet("Surprises: a breakthrough, a pandemic, a sudden change of government.");

    heading("How it was calibrated");
    paragraph("2024 is the calibration point: capability, world market shares, dependence and standards influence "
              "start at the values the sources give for 2024, and every bloc's 2024 policies are the status quo.");
    std::size_t policies = 0;
    {
        std::string last;
        for (const auto& c : tl::policy_timeline())
            if (c.policy_id != last) ++policies, last = c.policy_id;
    }
    paragraph("History: the model runs from 2017 with the policies actually enacted (" + std::to_string(policies) +
              " dated policies, from the 2018 tariffs to the chip and tool controls of 2022-23), the same in every "
              "scenario; the charts shade those years. Where the sources give an observed figure the model can "
              "compute (Chinese investment in the US, US venture deals with Chinese start-ups, China's ISO and IEC "
              "secretariats), the backcast reproduces it within a stated tolerance, and the charts draw the " +
              std::to_string(tl::observed_points().size()) +
              " observed values beside the line. Most observed figures in the sources (counts of agreements, "
              "shares of a sub-segment) have no counterpart in the model and are listed as such.");
    paragraph("From 2025 the reference course moves with cited trends: China catching up and designing out "
              "dependence, standards influence shifting toward China, investment between the US and China "
              "decoupling. Your levers act from the start year you choose (2025 by default) and phase in.");
    paragraph("Every number in the model is a parameter with its source line, or is marked as an assumption. Of " +
              std::to_string(params.total) + " parameters, " + std::to_string(params.assumptions) +
              " are modelling assumptions; " + std::to_string(params.uncertain) +
              " have a low-to-high range that the Assumptions panel lets you move and that the uncertainty bands "
              "sample. \"Which matter most?\" at the top of that panel ranks them for your scenario.");
    paragraph("The mechanism checks (for example: tighter controls without allies leak more) are tested at the low, "
              "central and high end of every assumption they depend on.");

    heading("Where to read more");
    paragraph("In the project's repository: core/README.md explains every mechanism in prose and equations with its "
              "source lines; assets/parameters.json lists every number with its source; docs/history.md describes the "
              "policy timeline and the observed data.");
    paragraph("The sources: \"A Look at IPEF's Technology Alliance\" (000); \"Staying Ahead in the Global "
              "Technology Race: A Roadmap for Economic Security\" (Girishankar et al., 2024, 001); \"Finding the same "
              "wavelength\" (Zhang Weiwei, China Daily, 2024, 002); \"China and the New Geopolitics of Technical "
              "Standardization\" (Seaman, Ifri, 2020, 003); \"China's Digital Power: Assessing the Implications for "
              "the EU\" (Digital Power China consortium, 004). A citation such as 001:L81 is source 001, line 81.");
    ImGui::Spacing();
    ImGui::TextDisabled("Model version %d", tl::kModelVersion);
    ImGui::Spacing();
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) st.about_open = false;
    ImGui::End();
}

}  // namespace ui
