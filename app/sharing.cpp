#include "app/sharing.h"

#include <algorithm>
#include <cfloat>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif
#include <cstring>

#include "app/browser.h"
#include "app/platform.h"
#include "app/qr.h"
#include "app/theme.h"
#include "app/ui_common.h"
#include "core/export.h"
#include "core/scenario_io.h"
#include "core/share_link.h"
#include "core/version.h"
#include "imgui.h"

namespace app {

std::string first_errors(const std::vector<std::string>& errors, std::size_t count) {
    std::string all;
    for (std::size_t i = 0; i < errors.size() && i < count; ++i) all += (i ? "; " : "") + errors[i];
    return all;
}

namespace {
std::string first_or(const std::vector<std::string>& v, const char* fallback) { return v.empty() ? fallback : v.front(); }
bool looks_like_json(const std::string& t) {
    auto p = t.find_first_not_of(" \t\r\n");
    return p != std::string::npos && t[p] == '{';
}
std::string slug(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "scenario" : out.substr(0, 60);
}
}  // namespace

void Sharing::notify(Notice::Kind kind, std::string text, double seconds, std::string action_label,
                     std::function<void()> action) {
    Notice n;
    n.kind = kind;
    n.text = std::move(text);
    n.expires = kind == Notice::Kind::Error || seconds <= 0 ? 0 : now_ + seconds;
    n.action_label = std::move(action_label);
    n.action = std::move(action);
    notices_.push_back(std::move(n));
    if (notices_.size() > 4) notices_.erase(notices_.begin());
}

bool Sharing::apply_code(const std::string& code, const std::string& source) {
    tl::ShareDecodeResult r = tl::decode_share_code(code);
    if (!r.ok) {
        last_load_ = "error: " + first_or(r.errors, "unreadable");
        notify(Notice::Kind::Error, "The " + source + " could not be opened: " + first_or(r.errors, "unreadable") +
                                        ". Your current scenario is unchanged.");
        return false;
    }
    state_.set_scenario(r.scenario);
    last_load_ = "ok: " + source;
    for (const auto& n : r.notices) notify(Notice::Kind::Warning, n, 0);
    return true;
}

void Sharing::start(double now) {
    now_ = now;
    browser::set_handlers({
        [this](const std::string& name, const std::string& text, double size) {
            if (size > static_cast<double>(text.size()) + 0.5) {  // not read: too large
                last_load_ = "error: too large";
                notify(Notice::Kind::Error, "The file " + name + " is " + std::to_string(static_cast<long long>(size / 1024)) +
                                                " KiB, larger than a scenario may be (" +
                                                std::to_string(tl::kMaxScenarioBytes / 1024) + " KiB). Nothing was changed.");
            } else {
                open_text("file " + name, text);
            }
        },
        [this](const std::string& text) {
            // In a text field the paste is the field's: ImGui cannot read the
            // browser's clipboard itself, so the text is typed into it.
            if (ImGui::GetIO().WantTextInput) ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
            else open_text("pasted text", text);
        },
        [this](const std::string& fragment) {
            if (fragment.rfind("s=", 0) != 0) return;
            from_history_ = true;
            apply_code(fragment.substr(2), "link");
        },
    });
    const std::string saved = browser::storage_get(kAutosaveKey);
    const std::string fragment = browser::fragment();
    if (route_fragment && route_fragment(fragment)) return;
    if (fragment.rfind("s=", 0) == 0) {
        if (apply_code(fragment.substr(2), "shared link")) {
            // The link replaces what was on screen; keep the autosaved work to come back to.
            auto previous = tl::scenario_from_json(saved);
            if (!saved.empty() && !(previous.ok && previous.scenario == state_.scenario())) {
                browser::storage_set(kPreviousKey, saved);
                notify(Notice::Kind::Info, "Opened a shared scenario. Your previous work is kept.", 12, "Restore it",
                       [this] {
                           auto r = tl::scenario_from_json(browser::storage_get(kPreviousKey));
                           if (r.ok) state_.set_scenario(r.scenario);
                       });
            }
            return;
        }
    }
    if (!saved.empty()) {
        auto r = tl::scenario_from_json(saved);
        if (r.ok) {
            state_.set_scenario(r.scenario);
            for (const auto& n : r.notices) notify(Notice::Kind::Warning, n, 0);
        } else {
            // Keep the unreadable copy: saved work is never overwritten unseen.
            browser::storage_set(kUnreadableKey, saved);
            notify(Notice::Kind::Warning, "Your autosaved work could not be restored (" + first_or(r.errors, "?") +
                                              "); a copy is kept in the browser's storage.", 0);
        }
    }
}

void Sharing::sync_url_and_autosave() {
    if (state_.history_revision() == synced_history_ || state_.editing() || state_.replay.active) return;
    const bool first = synced_history_ == ~0ull;
    synced_history_ = state_.history_revision();
    const std::string code = share_code();
    browser::set_fragment("s=" + code, /*push=*/!first && !from_history_);
    from_history_ = false;
    browser::storage_set(kAutosaveKey, tl::scenario_to_json(state_.scenario(), false));
}

void Sharing::frame(double now) {
    now_ = now;
    browser::dispatch_pending();
    sync_url_and_autosave();
    notices_.erase(std::remove_if(notices_.begin(), notices_.end(),
                                  [&](const Notice& n) { return n.expires > 0 && n.expires < now_; }),
                   notices_.end());
}

std::string Sharing::share_code() const { return tl::encode_share_code(state_.scenario()); }
std::string Sharing::share_link() const { return browser::url_with_fragment("s=" + share_code()); }

void Sharing::save_file() {
    const tl::Scenario& s = state_.scenario();
    browser::download(slug(s.name) + ".trilemma.json", "application/json", tl::scenario_to_json(s) + "\n");
    notify(Notice::Kind::Info, "Scenario saved as a file.", 4);
}

void Sharing::open_file() { browser::open_file_picker(); }

void Sharing::export_csv() {
    const ModelView& v = state_.view();
    std::vector<const tl::Bands*> bands;
    if (v.bands_ready && v.bands.bloc == state_.scenario().seat) bands.push_back(&v.bands);
    browser::download(slug(state_.scenario().name) + "-results.csv", "text/csv",
                      // What was set first (comment lines), so the numbers can be traced and reopened.
                      tl::scenario_csv_comments(state_.scenario(), share_link()) +
                          tl::results_csv(v.scenario, v.baseline, {state_.scenario().seat}, bands));
    notify(Notice::Kind::Info, "Results exported as CSV.", 4);
}

void Sharing::export_png(float x, float y, float w, float h) {
    std::string name = slug(state_.scenario().name) + "-charts.png";
    platform::request_capture(x, y, w, h, [name](int width, int height, const unsigned char* rgba) {
        browser::download_png(name, width, height, rgba);
    });
    notify(Notice::Kind::Info, "Image exported as PNG.", 4);
}

void Sharing::export_summary() {
    std::string name = slug(state_.scenario().name) + "-summary.html";
    std::string html = tl::summary_html(state_.scenario(), state_.view().story, share_link());
    const platform::FrameInfo& f = platform::frame_info();
    platform::request_capture(0, 0, f.width, f.height, [name, html](int width, int height, const unsigned char* rgba) {
        browser::download_html_with_image(name, html, width, height, rgba);
    });
    notify(Notice::Kind::Info, "Summary saved as a page: open it and print it.", 6);
}

void Sharing::new_scenario() {
    tl::Scenario s = tl::scenario_from_preset(tl::presets().front(), state_.scenario().seat);
    s.horizon = state_.scenario().horizon;
    state_.set_scenario(s);
    notify(Notice::Kind::Info, "New scenario from the 2024 status quo. Undo brings the previous one back.", 8, "Undo",
           [this] { state_.undo(); });
}

bool Sharing::open_text(const std::string& source, const std::string& text) {
    if (route_text && route_text(source, text)) return true;
    if (text.size() > tl::kMaxScenarioBytes) {
        last_load_ = "error: too large";
        notify(Notice::Kind::Error, "The " + source + " is " + std::to_string(text.size() / 1024) +
                                        " KiB, larger than a scenario may be (" +
                                        std::to_string(tl::kMaxScenarioBytes / 1024) + " KiB). Nothing was changed.");
        return false;
    }
    if (looks_like_json(text)) {
        auto r = tl::scenario_from_json(text);
        if (!r.ok) {
            const std::string all = first_errors(r.errors);
            last_load_ = "error: " + all;
            notify(Notice::Kind::Error,
                   "The " + source + " could not be opened: " + all + ". Your current scenario is unchanged.");
            return false;
        }
        state_.set_scenario(r.scenario);
        last_load_ = "ok: " + source;
        notify(Notice::Kind::Info, "Opened " + source + ".", 5);
        for (const auto& n : r.notices) notify(Notice::Kind::Warning, n, 0);
        return true;
    }
    return apply_code(text, source);
}

}  // namespace app

// ---------------------------------------------------------------------------
// UI
// ---------------------------------------------------------------------------
namespace ui {

namespace {
bool share_open_request = false;
bool new_confirm_request = false;
}  // namespace

void open_share_dialog() { share_open_request = true; }

void draw_file_menu(app::Sharing& sharing, app::AppState& state) {
    if (ImGui::Button("File")) ImGui::OpenPopup("##file");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("New, open, save, export");
    if (ImGui::BeginPopup("##file")) {
        if (ImGui::Selectable("New scenario")) {
            if (state.changed_lever_count() > 0) new_confirm_request = true;
            else sharing.new_scenario();
        }
        if (ImGui::Selectable("Open a scenario file\xE2\x80\xA6")) sharing.open_file();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Or drop a file on the page, or paste a share link (Ctrl+V)");
        if (ImGui::Selectable("Save as a file")) sharing.save_file();
        ImGui::Separator();
        if (ImGui::Selectable("Share link and QR code\xE2\x80\xA6")) share_open_request = true;
        if (ImGui::Selectable("Export results (CSV)")) sharing.export_csv();
        if (ImGui::Selectable("Export image (PNG)")) {
            const platform::FrameInfo& f = platform::frame_info();
            sharing.export_png(0, 0, f.width, f.height);
        }
        if (ImGui::Selectable("Printable summary (HTML)")) sharing.export_summary();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("One page with the scores, the story, the charts and the link");
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Share")) share_open_request = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link and QR code that open exactly this scenario");

    if (new_confirm_request) {
        ImGui::OpenPopup("Start a new scenario?");
        new_confirm_request = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, platform::frame_info().width - 20), 0));
    if (ImGui::BeginPopupModal("Start a new scenario?", nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::TextWrapped("You have changed %d levers. Save them first? (Undo also brings them back.)",
                           state.changed_lever_count());
        if (ImGui::Button("Save a file, then start new")) {
            sharing.save_file();
            sharing.new_scenario();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Start new")) {
            sharing.new_scenario();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// The browser's native share sheet (Module.webShare in web/glue.js), where it has one.
bool web_share_available() {
#ifdef __EMSCRIPTEN__
    return EM_ASM_INT({ return Module.webShare && Module.webShare.available() ? 1 : 0; }) != 0;
#else
    return false;
#endif
}

void web_share(const std::string& title, const std::string& link) {
#ifdef __EMSCRIPTEN__
    EM_ASM({ Module.webShare.share(UTF8ToString($0), UTF8ToString($1)); }, title.c_str(), link.c_str());
#else
    (void)title, (void)link;
#endif
}

void draw_share_dialog(app::Sharing& sharing, app::AppState& state) {
    if (share_open_request) {
        ImGui::OpenPopup("Share this scenario");
        share_open_request = false;
    }
    const platform::FrameInfo& f = platform::frame_info();
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, f.width - 20), 0));
    ImGui::SetNextWindowPos(ImVec2(f.width * 0.5f, f.height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Share this scenario", nullptr, ImGuiWindowFlags_NoResize)) return;
    // The name travels with the link and labels it in the trainer's room view:
    // ask for the participant's or team's, not the preset's (the room would
    // show a row of "Status quo 2024").
    tl::Scenario s = state.scenario();
    const tl::Preset* preset = tl::find_preset(s.preset);
    const bool unnamed = s.name.empty() || (preset && s.name == preset->name);
    char name[128];
    std::snprintf(name, sizeof name, "%s", unnamed ? "" : s.name.c_str());
    ImGui::TextUnformatted("Your name or team");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##name", "e.g. Team 3, or Ana", name, sizeof name, ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit()) {
        s.name = name[0] ? std::string(name) : (preset ? preset->name : std::string());
        state.set_scenario(s);
    }
    if (unnamed) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Add a name so the trainer can tell your link from the others.");
        ImGui::PopStyleColor();
    }
    std::string link = sharing.share_link();
    ImGui::TextDisabled("Link (%zu characters):", link.size());
    std::vector<char> buf(link.begin(), link.end());
    buf.push_back('\0');
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##link", buf.data(), buf.size(), ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button("Copy link")) {
        browser::copy_to_clipboard(link);
        sharing.notify(app::Notice::Kind::Info, "Link copied.", 3);
    }
    ImGui::SameLine();
    if (ImGui::Button("Save as a file")) sharing.save_file();
    if (web_share_available()) {  // a phone: its own share sheet (messages, mail, AirDrop...)
        same_line_if_fits(ImGui::CalcTextSize("Share\xE2\x80\xA6").x + ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::Button("Share\xE2\x80\xA6")) web_share("Trilemma Lab: " + state.scenario().name, link);
    }
    for (const auto& loss : tl::share_code_losses(state.scenario())) ImGui::TextColored(ImVec4(0.8f, 0.4f, 0, 1), "%s", loss.c_str());
    ImGui::Spacing();
    float qr = std::min(300.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - qr) * 0.5f);
    if (!qr_code(link, qr)) ImGui::TextWrapped("This link is too long for a QR code; share the link or a file.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Scan with a phone camera. The scenario is in the link itself: no server stores it.");
    ImGui::PopStyleColor();
    if (ImGui::Button("Close", ImVec2(-1, 0))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_notices(app::Sharing& sharing, float top, float width) {
    auto& notices = sharing.notices();
    if (notices.empty()) return;
    const float w = std::min(640.0f, width - 20);
    // At the bottom, where they cover no toolbar or input.
    (void)top;
    ImGui::SetNextWindowPos(ImVec2(width * 0.5f, ImGui::GetIO().DisplaySize.y - 12), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, FLT_MAX));  // auto height, fixed width
    ImGui::SetNextWindowBgAlpha(0.97f);
    ImGui::Begin("##notices", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    int remove = -1;
    for (std::size_t i = 0; i < notices.size(); ++i) {
        const app::Notice& n = notices[i];
        ImGui::PushID(static_cast<int>(i));
        ImU32 color = n.kind == app::Notice::Kind::Error ? theme::ink().worse
                      : n.kind == app::Notice::Kind::Warning ? theme::ink().warning
                                                             : theme::ink().accent;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 4, p.y + ImGui::GetFontSize() * 1.2f), color, 2);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y));
        ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - 90);
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        if (!n.action_label.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton(n.action_label.c_str())) {
                if (n.action) n.action();
                remove = static_cast<int>(i);
            }
        }
        const float close_w = ImGui::CalcTextSize("\xC3\x97").x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
        if (ImGui::SmallButton("\xC3\x97")) remove = static_cast<int>(i);
        ImGui::PopID();
    }
    ImGui::End();
    if (remove >= 0) notices.erase(notices.begin() + remove);
}

}  // namespace ui
