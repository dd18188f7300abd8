// The windows of sharing (app/sharing.h): the toolbar's File menu and Share
// button, the New-scenario confirmation, the Share dialog with its QR code,
// and the notices.
//
// Index of this file:
//   [SECTION] The File menu and the New-scenario confirmation
//   [SECTION] The Share dialog
//   [SECTION] The notices
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/browser.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/qr.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "core/share_link.h"
#include "imgui.h"
#include "imgui_internal.h"

namespace ui {

// [SECTION] The File menu and the New-scenario confirmation

void draw_file_menu(app::App& app) {
    app::Sharing& sharing = app.sharing;
    app::AppState& state = app.state;
    bool& new_confirm_request = app.ui_state.new_scenario_confirm_request;
    if (begin_menu_button("File", "##file", "New, open, save, export")) {
        if (list_entry("New scenario")) {
            if (state.changed_lever_count() > 0) new_confirm_request = true;
            else sharing.new_scenario();
        }
        if (list_entry("Open a scenario file\xE2\x80\xA6")) sharing.open_file();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Or drop a file on the page, or paste a share link (Ctrl+V)");
        if (list_entry("Save as a file")) sharing.save_file();
        if (list_entry("Library\xE2\x80\xA6")) app.ui_state.library.open_request = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every scenario kept in this browser: your work, links and guides");
        ImGui::Separator();
        if (list_entry("Share link and QR code\xE2\x80\xA6")) app.ui_state.share_dialog_request = true;
        if (list_entry("Export results (CSV)")) sharing.export_csv();
        if (list_entry("Export image (PNG)")) {
            const platform::FrameInfo& f = platform::frame_info();
            sharing.export_png(0, 0, f.width, f.height);
        }
        if (list_entry("Printable summary (HTML)")) sharing.export_summary();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("One page with the scores, the story, the charts and the link");
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Share")) app.ui_state.share_dialog_request = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link and QR code that open exactly this scenario");

    if (new_confirm_request) {
        ImGui::OpenPopup("Start a new scenario?");
        new_confirm_request = false;
    }
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowSize(dialog_size(27));
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Start a new scenario?", nullptr, kDialogFlags)) {
        const int changed = state.changed_lever_count();
        ImGui::TextWrapped("You have changed %d lever%s. Save %s first? Undo also brings %s back.", changed,
                           changed == 1 ? "" : "s", changed == 1 ? "it" : "them", changed == 1 ? "it" : "them");
        // The buttons wrap on a phone: Cancel must stay on screen (a phone
        // has no Escape key).
        if (ImGui::Button("Save a file, then start new")) {
            sharing.save_file();
            sharing.new_scenario();
            ImGui::CloseCurrentPopup();
        }
        same_line_if_button_fits("Start new");
        if (ImGui::Button("Start new")) {
            sharing.new_scenario();
            ImGui::CloseCurrentPopup();
        }
        same_line_if_button_fits("Cancel");
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// [SECTION] The Share dialog

void draw_share_dialog(app::App& app) {
    app::Sharing& sharing = app.sharing;
    app::AppState& state = app.state;
    if (app.ui_state.share_dialog_request) {
        ImGui::OpenPopup("Share this scenario");
        app.ui_state.share_dialog_request = false;
    }
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowSize(dialog_size(33));
    // Always centred: its height follows the QR code's.
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Share this scenario", nullptr, kDialogFlags)) {
        app.ui_state.share_dialog_link.clear();
        return;
    }
    // The name travels with the link and labels it in the trainer's room view:
    // ask for the participant's or team's, not the preset's or the guide's
    // (the room would show a row of "Status quo 2024", or of the guide's title).
    tl::Scenario s = state.scenario();
    const tl::Preset* preset = tl::find_preset(s.preset);
    const auto& guide = app.trainer.session();
    const bool unnamed = s.name.empty() || (preset && s.name == preset->name) || (guide && s.name == guide->guide.title);
    // The name as typed so far: the link, its length and the QR code follow
    // each key (they had stayed stale until the field lost the focus); the
    // scenario takes it when the typing ends (one step to undo).
    static char name[128];
    if (ImGui::GetActiveID() != ImGui::GetID("##name")) std::snprintf(name, sizeof name, "%s", unnamed ? "" : s.name.c_str());
    ImGui::TextUnformatted("Your name or team");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##name", "e.g. Team 3, or Ana", name, sizeof name);
    note_text_field();
    // (Enter ends the typing as a tap elsewhere does: either commits the name.)
    if (ImGui::IsItemActive() || ImGui::IsItemDeactivatedAfterEdit())
        s.name = name[0] ? std::string(name) : (preset ? preset->name : std::string());
    if (ImGui::IsItemDeactivatedAfterEdit()) state.set_scenario(s);
    const bool named = name[0] != '\0';
    // The hint keeps its height once the name is in: a tap on Copy link or
    // Share… that ends the typing must not find the button moved up under
    // the finger (the press would land and the release miss).
    static constexpr const char* kNameHint = "Add a name so the trainer can tell your link from the others.";
    const float hint_top = ImGui::GetCursorPosY(), room = ImGui::GetContentRegionAvail().x;
    const float hint_height = ImGui::CalcTextSize(kNameHint, nullptr, false, room).y + ImGui::GetStyle().ItemSpacing.y;
    if (!named) muted_wrapped_text(kNameHint);
    else muted_wrapped_text("The trainer's room will list it as \xE2\x80\x9C" + s.name + "\xE2\x80\x9D.");
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), hint_top + hint_height));
    const std::string link = sharing.share_link(s);
    app.ui_state.share_dialog_link = link;  // (the test hook reads what the dialog shows)
    // Said here as well as in a notice: the notices sit under an open dialog.
    const bool just_copied = platform::frame_info().time - app.ui_state.link_copied_at < 3.0;
    ImGui::TextDisabled("Link (%zu characters):%s", link.size(), just_copied ? "  copied \xE2\x9C\x93" : "");
    std::vector<char> buf(link.begin(), link.end());
    buf.push_back('\0');
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##link", buf.data(), buf.size(), ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    // (A tap here ends the typing: the name is in the scenario by the time the link is copied.)
    if (ImGui::Button("Copy link")) {
        browser::copy_to_clipboard(link);
        sharing.notify(app::Notice::Kind::Info, "Link copied.", 3);
        app.ui_state.link_copied_at = platform::frame_info().time;
    }
    ImGui::SameLine();
    if (ImGui::Button("Save as a file")) sharing.save_file();
    if (browser::web_share_available()) {  // a phone: its own share sheet (messages, mail, AirDrop...)
        same_line_if_button_fits("Share\xE2\x80\xA6");
        if (ImGui::Button("Share\xE2\x80\xA6")) browser::web_share("Trilemma Lab: " + s.name, link);
    }
    for (const auto& loss : tl::share_code_losses(s)) ImGui::TextColored(ImVec4(0.8f, 0.4f, 0, 1), "%s", loss.c_str());
    ImGui::Spacing();
    // The code no taller than leaves Close on the screen (a 360x640 phone), down to 120 px.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float below = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y;
    // (Measured within the window, which is centred: its own position would feed back.)
    const float room_left = f.height - 20 - ImGui::GetCursorPosY() - below;
    float qr = std::min({300.0f, ImGui::GetContentRegionAvail().x, std::max(120.0f, room_left)});
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - qr) * 0.5f);
    if (!qr_code(link, qr)) ImGui::TextWrapped("This link is too long for a QR code; share the link or a file.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Scan with a phone camera. The scenario is in the link itself: no server stores it.");
    ImGui::PopStyleColor();
    if (ImGui::Button("Close", ImVec2(-1, 0))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] The notices

void draw_notices(app::App& app, float width, bool presenting) {
    auto& notices = app.sharing.notices();
    const auto shown = [presenting](const app::Notice& n) { return !presenting || n.kind != app::Notice::Kind::Info; };
    if (std::none_of(notices.begin(), notices.end(), shown)) return;
    const float w = std::min(640.0f, width - 20);
    // At the bottom, where they cover no toolbar or input.
    ImGui::SetNextWindowPos(ImVec2(width * 0.5f, ImGui::GetIO().DisplaySize.y - 12), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, FLT_MAX));  // auto height, fixed width
    ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: a chart's labels showing through made both unreadable
    ImGui::Begin("##notices", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    // Above the panels, which a tab or layout change creates anew (and so in front).
    // Under an open dialog, though: a notice at the bottom covered the Share
    // dialog's Close on a phone for the seconds it showed.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (ImGuiWindow* dialog = ImGui::GetTopMostPopupModal()) ImGui::BringWindowToDisplayFront(dialog);
    int remove = -1;
    for (std::size_t i = 0; i < notices.size(); ++i) {
        const app::Notice& n = notices[i];
        if (!shown(n)) continue;
        ImGui::PushID(n.serial);
        ImU32 color = n.kind == app::Notice::Kind::Error ? theme::ink().worse
                      : n.kind == app::Notice::Kind::Warning ? theme::ink().warning
                                                             : theme::ink().accent;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 4, p.y + ImGui::GetFontSize() * 1.2f), color, 2);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y));
        // The text wraps short of its buttons (finger-sized on a phone: "Library" had run under the ×).
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float close_w = button_width("\xC3\x97");
        float action_w = n.action == app::Notice::Action::None ? 0.0f : button_width(app::action_label(n.action)) + spacing;
        // Where the text would be left a narrow column (a phone at large text), the action goes under it.
        const bool action_below = ImGui::GetWindowContentRegionMax().x - close_w - action_w - 2 * spacing - (p.x + 12 - ImGui::GetWindowPos().x) <
                                  ImGui::GetFontSize() * 14;
        // (There the × goes under it too, beside the action.)
        ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - (action_below ? spacing : close_w + action_w + 2 * spacing));
        ImGui::TextUnformatted(n.shown().c_str());
        ImGui::PopTextWrapPos();
        if (n.action != app::Notice::Action::None) {
            if (!action_below) ImGui::SameLine();
            else ImGui::SetCursorScreenPos(ImVec2(p.x + 12, ImGui::GetCursorScreenPos().y));
            if (small_button(app::action_label(n.action))) {
                if (n.action == app::Notice::Action::OpenLibrary) app.ui_state.library.open_request = true;
                else if (n.action == app::Notice::Action::Undo) app.state.undo();
                remove = static_cast<int>(i);
            }
        }
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
        if (small_button("\xC3\x97")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    ImGui::End();
    if (remove >= 0) notices.erase(notices.begin() + remove);
}

}  // namespace ui
