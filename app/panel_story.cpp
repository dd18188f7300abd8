// "The story": the scenario in words, from core/story.h — what the seat did,
// what it achieved and by when, what it cost and why, where the trilemma bit.
// Every sentence shows its seed lines on hover (or a long press).
#include <string>

#include "app/panels.h"
#include "app/platform.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

void draw_story(app::AppState& state) {
    const tl::Story& story = state.view().story;
    ImGui::PushFont(platform::font_bold());
    ImGui::PushTextWrapPos(0.0f);
    text_wrapped_whole_numbers(story.summary);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    for (std::size_t k = 0; k < story.sections.size(); ++k) {
        const tl::StorySection& sec = story.sections[k];
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TextUnformatted(sec.title.c_str());
        ImGui::PopStyleColor();
        for (std::size_t c = 0; c < sec.claims.size(); ++c) {
            const tl::StoryClaim& claim = sec.claims[c];
            ImGui::PushTextWrapPos(0.0f);
            text_wrapped_whole_numbers(claim.text);
            ImGui::PopTextWrapPos();
            if (!claim.source.empty() && ImGui::IsItemHovered())
                tooltip_with_source("Where this comes from in the sources.", "Source", claim.source);
        }
    }
}

}  // namespace ui
