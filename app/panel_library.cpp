// The scenario library window (File ▸ Library…): every scenario kept in this
// browser (app/library.h), newest first, with its seat, when it was last
// changed and its pillar scores; open, rename, duplicate, export, delete.
// Values that could not be read are listed apart: they can be downloaded
// exactly as stored, or deleted, and are never rewritten.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/app.h"
#include "app/browser.h"
#include "app/panels.h"
#include "app/platform.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "imgui.h"

namespace ui {

namespace {
// The kinds of entry the filter shows (UiState's library.filter - 1).
const char* const kinds[] = {"mine", "link", "guide", "file"};
const char* const kind_names[] = {"My work", "Links", "Guides", "Files"};

std::string ago(double then_ms) {
    const double s = std::max(0.0, (browser::epoch_ms() - then_ms) / 1000.0);
    char buf[48];
    if (s < 60) return "just now";
    if (s < 3600) std::snprintf(buf, sizeof buf, "%.0f min ago", s / 60);
    else if (s < 86400 * 2) std::snprintf(buf, sizeof buf, "%.0f h ago", s / 3600);
    else std::snprintf(buf, sizeof buf, "%.0f days ago", s / 86400);
    return buf;
}

std::string describe_size(std::size_t chars) {
    char buf[48];
    if (chars < 10 * 1024) std::snprintf(buf, sizeof buf, "%zu characters", chars);
    else std::snprintf(buf, sizeof buf, "%.0f K characters", chars / 1024.0);
    return buf;
}
}  // namespace

void draw_scenario_library(app::App& app) {
    app::Sharing& sharing = app.sharing;
    app::Library& library = sharing.library();
    LibraryWindow& window = app.ui_state.library;
    bool& open_request = window.open_request;
    std::string& renaming = window.renaming;
    char (&rename_buf)[sizeof window.rename_buf] = window.rename_buf;
    std::string& confirm_delete = window.confirm_delete;
    int& filter = window.filter;
    if (open_request) {
        open_request = false;
        library.refresh();  // other tabs may have written since
        renaming.clear();
        confirm_delete.clear();
        ImGui::OpenPopup("Library");
    }
    const platform::FrameInfo& f = platform::frame_info();
    // Always: the window follows a rotated phone or a resized browser.
    ImGui::SetNextWindowSize(dialog_size(42, 38));
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Library", nullptr, kDialogFlags)) return;

    const std::size_t used = library.used_chars();
    char usage[160];
    const double percent = 100.0 * static_cast<double>(used) / app::Library::kBudgetChars;
    std::snprintf(usage, sizeof usage, "%zu scenario%s kept in this browser, %s%.0f%% of the room the library may use.",
                  library.entries().size(), library.entries().size() == 1 ? "" : "s", percent > 0 && percent < 1 ? "under " : "",
                  percent > 0 && percent < 1 ? 1.0 : percent);
    muted_wrapped_text(std::string(usage) + " Each tab edits its own entry; opening a link or a guide adds one.");
    if (sharing.storage_full()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::ink().worse);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("Storage full: your latest change is not saved. Delete or export entries below, "
                               "or save the scenario as a file (File \xE2\x96\xB8 Save as a file).");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (ImGui::RadioButton("All", filter == 0)) filter = 0;
    for (int k = 0; k < 4; ++k) {
        same_line_if_button_fits(kind_names[k], ImGui::GetFrameHeight());
        if (ImGui::RadioButton(kind_names[k], filter == k + 1)) filter = k + 1;
    }

    // Flattened: the keyboard goes straight to the first entry.
    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.3f), false, ImGuiWindowFlags_NavFlattened);
    std::string action, action_id;
    int shown = 0;
    for (const auto& e : library.entries()) {
        if (filter && e.kind != kinds[filter - 1]) continue;
        ++shown;
        ImGui::PushID(e.id.c_str());
        ImGui::Separator();
        const bool current = e.id == sharing.entry_id();
        ImGui::PushFont(platform::font_bold());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(app::cut_text(app::entry_label(e), 90).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        const std::string kind = e.kind == "link" ? "link" : e.kind == "guide" ? "guide" : e.kind == "file" ? "file" : "my work";
        char scores[96];
        std::snprintf(scores, sizeof scores, "Protect %.0f \xC2\xB7 Promote %.0f \xC2\xB7 Partner %.0f", e.scores[0],
                      e.scores[1], e.scores[2]);
        muted_wrapped_text((current ? "This tab \xC2\xB7 " : "") + kind + " \xC2\xB7 " + e.seat + " seat \xC2\xB7 to " +
              std::to_string(e.scenario.horizon) + " \xC2\xB7 " + ago(e.updated) + "\n" + scores);
        if (renaming == e.id) {
            // The field leaves Save and Cancel beside it, down to 8 ems; on a
            // narrower screen it takes the row and the buttons go under it.
            const float avail = ImGui::GetContentRegionAvail().x, em = ImGui::GetFontSize();
            const float buttons = button_width("Save") + button_width("Cancel") + 2 * ImGui::GetStyle().ItemSpacing.x;
            const float beside = std::min(19 * em, avail - buttons);
            ImGui::SetNextItemWidth(beside >= 8 * em ? beside : std::min(19 * em, avail));
            if (window.focus_rename) ImGui::SetKeyboardFocusHere(), window.focus_rename = false;
            const bool enter = ImGui::InputText("##rename", rename_buf, sizeof rename_buf, ImGuiInputTextFlags_EnterReturnsTrue);
            note_text_field();
            same_line_if_button_fits("Save");
            if (ImGui::Button("Save") || enter) action = "rename", action_id = e.id;
            same_line_if_button_fits("Cancel");
            if (ImGui::Button("Cancel")) renaming.clear();
        } else if (confirm_delete == e.id) {
            ImGui::TextUnformatted("Delete this entry for good?");
            ImGui::SameLine();
            if (ImGui::Button("Delete")) action = "delete", action_id = e.id;
            ImGui::SameLine();
            if (ImGui::Button("Keep it")) confirm_delete.clear();
        } else {
            if (!current && ImGui::Button("Open")) action = "open", action_id = e.id;
            if (!current) same_line_if_button_fits("Rename");
            if (ImGui::Button("Rename")) {
                renaming = e.id;
                window.focus_rename = true;
                std::snprintf(rename_buf, sizeof rename_buf, "%s", e.scenario.name.c_str());
            }
            same_line_if_button_fits("Duplicate");
            if (ImGui::Button("Duplicate")) action = "duplicate", action_id = e.id;
            same_line_if_button_fits("Export");
            if (ImGui::Button("Export")) action = "export", action_id = e.id;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download it as a scenario file");
            // The entry open in this tab is kept again with the next change:
            // deleting it would only bring it back.
            if (current) {
                muted_wrapped_text("Open in this tab, and kept while you work here: to delete it, open or start another "
                                   "scenario first.");
            } else {
                same_line_if_button_fits("Delete");
                if (ImGui::Button("Delete")) confirm_delete = e.id;
            }
        }
        ImGui::PopID();
    }
    if (shown == 0) muted_wrapped_text(library.entries().empty() ? "Nothing kept yet: your first change starts an entry."
                                                    : "No entries of this kind.");
    if (!library.unreadable().empty()) {
        ImGui::Separator();
        ImGui::PushFont(platform::font_bold());
        ImGui::TextUnformatted("Could not be read (kept exactly as stored)");
        ImGui::PopFont();
        for (const auto& u : library.unreadable()) {
            ImGui::PushID(u.key.c_str());
            muted_wrapped_text(app::cut_text(u.key, 80) + ": " + app::cut_text(u.problem, 160) + " (" + describe_size(u.chars) + ")");
            if (ImGui::Button("Download as stored")) browser::download_stored(u.key, "trilemma-lab-unreadable.txt");
            ImGui::SameLine();
            if (confirm_delete == u.key) {
                if (ImGui::Button("Delete for good")) action = "delete-raw", action_id = u.key;
                ImGui::SameLine();
                if (ImGui::Button("Keep it")) confirm_delete.clear();
            } else if (ImGui::Button("Delete")) {
                confirm_delete = u.key;
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();

    if (ImGui::Button("Export all")) sharing.export_library();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Download every entry as one JSON file");
    ImGui::SameLine();
    if (ImGui::Button("Close", ImVec2(-1, 0))) ImGui::CloseCurrentPopup();

    // Acted on after drawing: the list is not changed while it is drawn.
    if (action == "open") {
        app.open_entry(action_id);
        ImGui::CloseCurrentPopup();
    } else if (action == "rename") {
        sharing.rename_entry(action_id, rename_buf);
        renaming.clear();
    } else if (action == "duplicate") {
        sharing.duplicate_entry(action_id);
    } else if (action == "export") {
        sharing.export_entry(action_id);
    } else if (action == "delete") {
        sharing.delete_entry(action_id);
        confirm_delete.clear();
    } else if (action == "delete-raw") {
        browser::storage_remove(action_id);
        library.refresh();
        confirm_delete.clear();
    }
    if (!action.empty()) library.refresh();
    ImGui::EndPopup();
}

}  // namespace ui
