// The screen audit (app/screen_audit.h): ImGui's test-engine hooks collect the
// labelled items of a frame; end_frame() looks for text that does not fit.
#include "app/screen_audit.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "imgui_internal.h"

namespace ui::audit {
namespace {

struct Drawn {
    ImRect rect;
    std::string label;
    std::string window;
};

// Where ImGui placed an item (ItemAdd), to be joined with its label (ItemInfo:
// for most widgets it comes after ItemAdd, for tabs before).
struct Placed {
    ImRect rect, clip;
    std::string window;
};

struct Frame {
    std::unordered_map<ImGuiID, Placed> placed;
    std::vector<std::pair<ImGuiID, std::string>> labels;  // in drawing order
    std::vector<ImGuiID> named;  // labels given by name_last_item: for the hook, not drawn
    std::vector<Drawn> items;   // labelled ImGui items
    std::vector<Drawn> texts;   // text drawn into draw lists
    std::vector<Problem> clipped;
};

Frame current;
Report report;

// More than a rounding error: items that touch are not overlapping.
constexpr float kTolerance = 1.0f;

bool overlaps(const ImRect& a, const ImRect& b) {
    return std::min(a.Max.x, b.Max.x) - std::max(a.Min.x, b.Min.x) > kTolerance &&
           std::min(a.Max.y, b.Max.y) - std::max(a.Min.y, b.Min.y) > kTolerance;
}

std::string visible_label(const char* label) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    return end == label ? std::string(label) : std::string(label, end);
}

void add_clipped(const std::string& what, const std::string& label, const std::string& window) {
    current.clipped.push_back({what + ": '" + label + "' in " + window});
}

bool labelled(ImGuiID id) {
    for (const auto& [item, label] : current.labels)
        if (item == id) return true;
    return false;
}

// Windows whose content runs past what they show (with no scrollbar to reach
// it), and windows that run off the screen.
void check_windows() {
    ImGuiContext& g = *GImGui;
    const ImRect screen(ImVec2(0, 0), g.IO.DisplaySize);
    for (ImGuiWindow* w : g.Windows) {
        if (!w->Active || w->Hidden || w->SkipItems || w->IsFallbackWindow) continue;
        // A multi-line text box is a child window holding the user's text: not ours to fit.
        if ((w->Flags & ImGuiWindowFlags_ChildWindow) && labelled(w->ChildId)) continue;
        const std::string name = w->Name;
        const ImRect outer = w->Rect();
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow) &&
            (outer.Min.x < screen.Min.x - kTolerance || outer.Min.y < screen.Min.y - kTolerance ||
             outer.Max.x > screen.Max.x + kTolerance || outer.Max.y > screen.Max.y + kTolerance))
            add_clipped("window off the screen", name, "the screen");
        const ImRect inner = w->InnerClipRect;
        const bool scrolls_x = w->ScrollbarX || (w->Flags & ImGuiWindowFlags_HorizontalScrollbar);
        if (!scrolls_x && w->DC.CursorMaxPos.x > inner.Max.x + kTolerance && inner.GetWidth() > 0) {
            char what[64];
            std::snprintf(what, sizeof what, "content %.0f px too wide", w->DC.CursorMaxPos.x - inner.Max.x);
            // Name the labelled item that sticks out, if one does.
            std::string culprit = name;
            for (const auto& [id, p] : current.placed)
                if (p.window == name && p.rect.Max.x > inner.Max.x + kTolerance)
                    for (const auto& [lid, label] : current.labels)
                        if (lid == id) culprit = name + " (" + visible_label(label.c_str()) + ")";
            add_clipped(what, culprit, name);
        }
        const bool scrolls_y = !(w->Flags & ImGuiWindowFlags_NoScrollbar) || (w->Flags & ImGuiWindowFlags_AlwaysAutoResize);
        if (!scrolls_y && w->DC.CursorMaxPos.y > inner.Max.y + kTolerance && inner.GetHeight() > 0) {
            char what[64];
            std::snprintf(what, sizeof what, "content %.0f px too tall", w->DC.CursorMaxPos.y - inner.Max.y);
            add_clipped(what, name, name);
        }
    }
}

void check_overlaps(const std::vector<Drawn>& list, std::vector<Problem>& out) {
    for (std::size_t i = 0; i < list.size(); ++i)
        for (std::size_t j = i + 1; j < list.size(); ++j)
            if (list[i].window == list[j].window && overlaps(list[i].rect, list[j].rect))
                out.push_back({"overlapping: '" + list[i].label + "' and '" + list[j].label + "' in " + list[i].window});
}

// A rectangle as the hook reports it: x, y, width, height.
ImVec4 xywh(const ImRect& r) { return ImVec4(r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()); }

}  // namespace

void enable() { GImGui->TestEngineHookItems = true; }

void begin_frame() { current = Frame{}; }

// Labelled items where they were placed; checks that each shows its whole label.
void join_items() {
    for (const auto& [id, label] : current.labels) {
        auto it = current.placed.find(id);
        if (it == current.placed.end()) continue;
        const Placed& p = it->second;
        ImRect shown = p.rect;
        shown.ClipWithFull(p.clip);
        if (shown.GetWidth() <= 0 || shown.GetHeight() <= 0) continue;  // scrolled out of view
        const std::string text = visible_label(label.c_str());
        // Sideways a window shows all it has (nothing here scrolls sideways), so an
        // item cut at its left or right edge is cut for good.
        if (p.rect.Min.x < p.clip.Min.x - kTolerance || p.rect.Max.x > p.clip.Max.x + kTolerance)
            add_clipped("cut at the window's edge", text, p.window);
        const char* end = ImGui::FindRenderedTextEnd(label.c_str());
        const bool drawn = std::find(current.named.begin(), current.named.end(), id) == current.named.end();
        if (drawn && end != label.c_str() && ImGui::CalcTextSize(label.c_str(), end).x > p.rect.GetWidth() + kTolerance)
            add_clipped("label wider than its item", text, p.window);
        current.items.push_back({shown, text, p.window});
    }
}

void end_frame() {
    join_items();
    check_windows();
    report = Report{};
    report.clipped = std::move(current.clipped);
    check_overlaps(current.items, report.overlapping);
    check_overlaps(current.texts, report.overlapping);
    std::vector<std::string> seen;
    for (const Drawn& d : current.items) {
        // A repeated label gets " #2", " #3"... in drawing order.
        std::string key = d.label;
        const auto n = std::count(seen.begin(), seen.end(), d.label);
        seen.push_back(d.label);
        if (n > 0) key += " #" + std::to_string(n + 1);
        report.items.push_back({key, d.window, xywh(d.rect)});
    }
    for (const Drawn& d : current.texts) report.texts.push_back({d.label, d.window, xywh(d.rect)});
    for (ImGuiWindow* w : GImGui->Windows)
        if (w->Active && !w->Hidden && (w->Flags & ImGuiWindowFlags_Tooltip)) {
            report.tooltip = true;
            report.tooltip_rect = ImVec4(w->Pos.x, w->Pos.y, w->Size.x, w->Size.y);
        }
}

const Report& last_frame() { return report; }

void name_last_item(const char* label, const char* shown, float reserved) {
    ImGuiContext& g = *GImGui;
    if (g.LastItemData.ID == 0) {  // text: no ID to join with where ImGui placed it
        current.items.push_back({g.LastItemData.Rect, label, g.CurrentWindow ? g.CurrentWindow->Name : ""});
    } else {
        // The name replaces the label the widget reported ("Reset" becomes
        // "reset US.export_controls.semis"): one item, not two on one spot.
        auto& labels = current.labels;
        labels.erase(std::remove_if(labels.begin(), labels.end(),
                                    [&](const auto& l) { return l.first == g.LastItemData.ID; }),
                     labels.end());
        labels.emplace_back(g.LastItemData.ID, label);
        current.named.push_back(g.LastItemData.ID);  // what it shows is checked below, through `shown`
    }
    if (shown && ImGui::CalcTextSize(shown).x > g.LastItemData.Rect.GetWidth() - reserved + kTolerance)
        add_clipped("text wider than its item", shown, g.CurrentWindow ? g.CurrentWindow->Name : "");
}

void drawn_text(const ImVec2& min, const ImVec2& max, const char* text, const ImVec2& bounds_min,
                const ImVec2& bounds_max) {
    const ImRect r(min, max);
    const std::string window = GImGui->CurrentWindow ? GImGui->CurrentWindow->Name : "";
    if (r.Min.x < bounds_min.x - kTolerance || r.Min.y < bounds_min.y - kTolerance ||
        r.Max.x > bounds_max.x + kTolerance || r.Max.y > bounds_max.y + kTolerance)
        add_clipped("outside its chart", text, window);
    current.texts.push_back({r, text, window});
}

}  // namespace ui::audit

// ImGui's test-engine hooks (imgui_internal.h, IMGUI_ENABLE_TEST_ENGINE).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
    ImGuiWindow* window = ctx->CurrentWindow;
    if (!window || !id) return;
    ui::audit::current.placed[id] = {bb, window->ClipRect, window->Name};
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (label) ui::audit::current.labels.emplace_back(id, label);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
