// The lever panel: the seat's levers grouped by pillar (Protect, Promote,
// Partner) and by sector where a lever is per sector. Each slider shows its
// unit, a marker at the baseline (preset) value, a reset when changed, and a
// tooltip with the lever's meaning and source.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/panels.h"
#include "app/platform.h"
#include "app/screen_audit.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace ui {

namespace {

void lever_tooltip(const tl::LeverDef& d, double baseline, const std::string& title) {
    place_tooltip_beside_focus();
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(tooltip_wrap_width());
    ImGui::TextUnformatted(title.c_str());
    ImGui::TextDisabled("%s · range %s to %s · baseline %s", d.unit.c_str(), lever_value_text(d, d.min).c_str(),
                        lever_value_text(d, d.max).c_str(), lever_value_text(d, baseline).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(d.meaning.c_str());
    ImGui::Spacing();
    ImGui::TextDisabled("Source: %s", d.source.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// One slider row: label (bold + dot when changed), slider with a baseline
// tick, reset button. Returns nothing; edits go through the state.
void lever_row(app::AppState& state, std::map<std::string, ImVec4>& rects, int slot, const char* label, float label_w) {
    const tl::Scenario& s = state.scenario();
    const int bloc = tl::idx(s.seat);
    const tl::SlotInfo info = tl::slot_info(slot);
    const tl::LeverDef& d = tl::lever_def(info.lever);
    const double baseline = state.baseline_value(bloc, slot);
    const bool changed = state.lever_changed(bloc, slot);
    ImGui::PushID(slot);

    // Label: beside the slider for a sector row, above it for a lever of its own.
    ImVec2 row = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float font = ImGui::GetFontSize();
    const float frame_h = ImGui::GetFrameHeight();
    const float reset_w = ImGui::CalcTextSize("Reset").x + ImGui::GetStyle().FramePadding.x * 2;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Above the slider for a lever of its own, or when beside it would leave
    // the slider too short (a phone at large text).
    const bool label_above = label_w <= 0 || avail - label_w - reset_w - spacing < font * 6;
    if (changed)
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(row.x + 4, row.y + (label_above ? font : frame_h) * 0.5f), 3.5f,
                                                    pillar_color(d.pillar));
    ImGui::SetCursorScreenPos(ImVec2(row.x + 12, row.y + (label_above ? 0 : (frame_h - font) * 0.5f)));
    if (changed) ImGui::PushFont(platform::font_bold());
    // Whole when it fits its room; else shortened with "…" (the tooltip names the lever in full).
    const float label_room = label_above ? avail - 12 : label_w - 12 - spacing;
    ImGui::TextUnformatted(fit_text(label, label_room).c_str());
    if (changed) ImGui::PopFont();
    std::string title = info.sector >= 0 ? d.name + " · " + std::string(tl::kSectorNames[info.sector]) : d.name;
    if (ImGui::IsItemHovered()) lever_tooltip(d, baseline, title);

    // Slider, then the reset button at the end of the row.
    float slider_x = label_above ? row.x + 12 : row.x + label_w;
    float slider_y = label_above ? row.y + font + 4 : row.y;
    float slider_w = std::max(font * 3, row.x + avail - slider_x - reset_w - spacing);
    ImGui::SetCursorScreenPos(ImVec2(slider_x, slider_y));
    double v = s.policy[bloc][slot];
    const bool locked = state.locked[slot];
    ImGui::BeginDisabled(locked);
    ImGui::SetNextItemWidth(slider_w);
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, pillar_color(d.pillar));
    ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, pillar_color(d.pillar, 0.8f));
    // The value is drawn below, beside the grab rather than under it: ImGui
    // centres it in the frame, where the grab covers a digit ("4|0%").
    if (ImGui::SliderScalar("##v", ImGuiDataType_Double, &v, &d.min, &d.max, "",
                            ImGuiSliderFlags_AlwaysClamp)) {
        v = std::clamp(std::round(v / d.step) * d.step, d.min, d.max);
        state.edit_lever(bloc, slot, v);
    }
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemDeactivatedAfterEdit()) state.commit_edit();
    ImGui::EndDisabled();
    if (locked && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Closed in this step of the guide");
    else if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) lever_tooltip(d, baseline, title);
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (ImGui::IsItemVisible())
        rects[std::string(tl::kBlocIds[bloc]) + "." + tl::slot_key(slot)] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);

    {
        const float t = static_cast<float>((v - d.min) / (d.max - d.min));
        draw_slider_value(a, b, t, lever_value_text(d, v), ImGui::GetColorU32(locked ? ImGuiCol_TextDisabled : ImGuiCol_Text));
    }

    // Baseline tick under the slider, where the preset's value sits.
    {
        const float grab = ImGui::GetStyle().GrabMinSize, grab_pad = 2.0f;
        float t = static_cast<float>((baseline - d.min) / (d.max - d.min));
        float x = a.x + grab_pad + grab * 0.5f + t * (b.x - a.x - 2 * grab_pad - grab);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddTriangleFilled(ImVec2(x, b.y - 5), ImVec2(x - 4, b.y + 1), ImVec2(x + 4, b.y + 1),
                              ImGui::GetColorU32(ImGuiCol_Text, 0.55f));
    }

    ImGui::SameLine();
    if (changed && !locked) {
        if (small_button("Reset")) state.reset_lever(bloc, slot);
        audit::name_last_item(("reset " + std::string(tl::kBlocIds[bloc]) + "." + tl::slot_key(slot)).c_str(), "Reset");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the baseline: %s", lever_value_text(d, baseline).c_str());
    } else {
        ImGui::Dummy(ImVec2(reset_w, 1));
    }
    ImGui::PopID();
}

}  // namespace

LeverListView draw_levers(app::AppState& state, UiState& ui, bool hint, const GuideStepNote& guide) {
    LeverListView view;
    std::map<std::string, ImVec4>& rects = ui.lever_rects;
    // A guide's new step (or other levers open): back to the list's top,
    // where its open levers are, not where the last step's scroll left it.
    if (guide.step != ui.lever_list_step || state.locked != ui.lever_list_locks) {
        ImGui::SetScrollY(0.0f);
        ui.lever_list_step = guide.step;
        ui.lever_list_locks = state.locked;
    }
    const tl::Scenario& s = state.scenario();
    const int seat = tl::idx(s.seat);
    float label_w = 0;
    for (const auto& n : tl::kSectorShortNames) label_w = std::max(label_w, ImGui::CalcTextSize(std::string(n).c_str()).x + 16);
    label_w = std::min(label_w + 28, ImGui::GetContentRegionAvail().x * 0.5f);

    if (hint) {
        const std::string bloc(tl::kBlocShortNames[seat]);
        const std::string baseline = tl::find_preset(s.preset) ? tl::find_preset(s.preset)->name : s.preset;
        // Where the full hint would wrap, the short one: a phone's levers start higher.
        std::string text = "You play " + bloc + ". Drag a lever; the tick under each slider marks the baseline (" + baseline + ").";
        if (ImGui::CalcTextSize(text.c_str()).x > ImGui::GetContentRegionAvail().x)
            text = "You play " + bloc + "; ticks mark the baseline (" + baseline + ").";
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
    }

    // A guide's step opens a few levers: they come first, under "Open in this
    // step", so that a participant finds the one the step asks about without
    // scrolling past closed ones; the closed ones follow by pillar.
    const auto open_in_step = [&state](int slot) { return !state.locked[slot]; };
    const bool open_first = state.guide_locks_levers() &&
                            std::any_of(state.locked.begin(), state.locked.end(), [](bool l) { return !l; });
    if (open_first) {
        ImGui::Spacing();
        ImGui::PushFont(platform::font_bold());
        ImGui::TextUnformatted("Open in this step");
        ImGui::PopFont();
        audit::name_last_item("Open in this step");
        // The step's goal where the levers are moved: its status lines can be
        // below the fold of a laptop's guide box.
        if (!guide.progress.empty()) {
            const std::string note = "\xC2\xB7 goal " + guide.progress;
            same_line_if_fits(ImGui::CalcTextSize(note.c_str()).x);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(guide.met ? theme::ink().better : theme::ink().accent), "%s", note.c_str());
            audit::name_last_item("step goal");
            // A tap (a phone or tablet, where no tooltip shows) opens the Guide tab and its conditions.
            if (ImGui::IsItemClicked()) ui.tab = Tab::Guide;
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(tooltip_wrap_width());
                for (const auto& line : guide.conditions) ImGui::TextUnformatted(line.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        for (const auto& d : tl::lever_defs()) {
            if (!d.per_sector) {
                if (open_in_step(tl::slot_of(d.id))) lever_row(state, rects, tl::slot_of(d.id), d.name.c_str(), 0.0f);
                continue;
            }
            int open_sectors = 0;
            for (int sct = 0; sct < tl::kSectorCount; ++sct) open_sectors += open_in_step(tl::slot_of(d.id, tl::Sector(sct)));
            // Two or more sectors of one lever: its name once, the sectors
            // beside their sliders, as in the pillar list (a step that opens
            // a lever in six sectors fits a laptop's column).
            if (open_sectors >= 2) {
                ImGui::TextUnformatted(d.name.c_str());
                if (ImGui::IsItemHovered()) tooltip_with_source(d.meaning, "Source", d.source);
            }
            for (int sct = 0; sct < tl::kSectorCount; ++sct) {
                const int slot = tl::slot_of(d.id, tl::Sector(sct));
                if (!open_in_step(slot)) continue;
                const std::string sector(tl::kSectorShortNames[sct]);
                if (open_sectors >= 2)
                    lever_row(state, rects, slot, sector.c_str(), label_w);
                else
                    lever_row(state, rects, slot, (d.name + " \xC2\xB7 " + sector).c_str(), 0.0f);
            }
        }
        view.open_rows_end = ImGui::GetCursorPosY();
        ImGui::Spacing();
        muted_wrapped_text("Closed in this step:");
    }
    const auto in_pillar_list = [&](int slot) { return !open_first || !open_in_step(slot); };

    for (int p = 0; p < tl::kPillarCount; ++p) {
        auto pillar = static_cast<tl::Pillar>(p);
        bool any_listed = false;
        for (int slot = 0; slot < tl::kSlotCount; ++slot)
            any_listed = any_listed || (tl::lever_def(tl::slot_info(slot).lever).pillar == pillar && in_pillar_list(slot));
        if (!any_listed) continue;
        int changed = 0;
        for (int slot = 0; slot < tl::kSlotCount; ++slot)
            changed += tl::lever_def(tl::slot_info(slot).lever).pillar == pillar && in_pillar_list(slot) && state.lever_changed(seat, slot);
        if (ImGui::GetCursorPosY() > ImGui::GetStyle().WindowPadding.y) ImGui::Spacing();  // not above the list's first row
        std::string head = std::string(tl::kPillarNames[p]) + (changed ? "  (" + std::to_string(changed) + " changed)" : "");
        ImGui::PushStyleColor(ImGuiCol_Header, pillar_color(pillar, theme::kHeaderTint));
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, pillar_color(pillar, theme::kHeaderTintHovered));
        ImGui::PushStyleColor(ImGuiCol_HeaderActive, pillar_color(pillar, theme::kHeaderTintActive));
        ImGui::PushStyleColor(ImGuiCol_Text, pillar_color(pillar));
        bool open = ImGui::CollapsingHeader((head + "###pillar" + std::to_string(p)).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
        ImGui::PopStyleColor(4);
        if (!open) continue;
        for (const auto& d : tl::lever_defs()) {
            if (d.pillar != pillar) continue;
            if (!d.per_sector) {
                if (in_pillar_list(tl::slot_of(d.id))) lever_row(state, rects, tl::slot_of(d.id), d.name.c_str(), 0.0f);  // 0: label above the slider
                continue;
            }
            bool group_listed = false;
            for (int sct = 0; sct < tl::kSectorCount; ++sct) group_listed = group_listed || in_pillar_list(tl::slot_of(d.id, tl::Sector(sct)));
            if (!group_listed) continue;
            int changed_here = 0;
            for (int sct = 0; sct < tl::kSectorCount; ++sct)
                changed_here += in_pillar_list(tl::slot_of(d.id, tl::Sector(sct))) &&
                                state.lever_changed(seat, tl::slot_of(d.id, tl::Sector(sct)));
            ImGui::PushID(static_cast<int>(d.id) + 1000);
            bool node = ImGui::TreeNodeEx("##group", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth | tree_node_touch_flags(),
                                          "%s%s", d.name.c_str(), changed_here ? "  \xE2\x97\x8F" : "");
            if (ImGui::IsItemHovered()) tooltip_with_source(d.meaning, "Source", d.source);
            if (node) {
                for (int sct = 0; sct < tl::kSectorCount; ++sct)
                    if (in_pillar_list(tl::slot_of(d.id, tl::Sector(sct))))
                        lever_row(state, rects, tl::slot_of(d.id, tl::Sector(sct)), std::string(tl::kSectorShortNames[sct]).c_str(),
                                  label_w - ImGui::GetStyle().IndentSpacing);
                ImGui::TreePop();
            }
            ImGui::PopID();
        }
    }
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    view.visible = ImVec4(clip.Min.x, clip.Min.y, clip.GetWidth(), clip.GetHeight());
    return view;
}

}  // namespace ui
