#pragma once
// The scenario library: every scenario a user works on, kept in the
// browser's local storage (one key per entry, so two tabs writing their own
// entries never overwrite each other). Entries are "mine" (work begun here),
// "link" (a share link or code opened), "guide" (a guided scenario played)
// and "file" (a scenario file opened). A value that cannot be read is never
// rewritten: it stays under its key, byte for byte, listed as unreadable
// until the user downloads or deletes it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario.h"
#include "core/trilemma.h"

namespace app {

struct LibraryEntry {
    std::string id;    // the storage key is Library::kPrefix + id
    std::string kind;  // "mine", "link", "guide", "file"
    std::string seat;  // "US", ...
    double created = 0, updated = 0;  // ms since 1970
    tl::TrilemmaScores scores{};      // Protect, Promote, Partner at the horizon
    tl::Scenario scenario;
};

struct UnreadableValue {
    std::string key;
    std::string problem;
    std::size_t chars = 0;  // its length as stored
};

// The label of an entry: its scenario's name, or what it came from.
std::string entry_label(const LibraryEntry& e);

class Library {
public:
    static constexpr const char* kPrefix = "trilemma-lab.library.";
    // Older versions kept one autosave under this prefix (".autosave.v1").
    static constexpr const char* kLegacyPrefix = "trilemma-lab.autosave.";
    static constexpr const char* kLegacyAutosaveKey = "trilemma-lab.autosave.v1";
    // Browsers give a site about 5 M characters; the library keeps well under
    // that so a write never fails half-way for lack of room elsewhere.
    static constexpr std::size_t kBudgetChars = 3'500'000;
    // A scenario file is at most 256 KiB; an entry is that plus a header.
    static constexpr std::size_t kMaxEntryChars = 300 * 1024;

    // Reads every entry (and every unreadable value) from storage.
    void refresh();
    const std::vector<LibraryEntry>& entries() const { return entries_; }  // newest first
    const std::vector<UnreadableValue>& unreadable() const { return unreadable_; }
    const LibraryEntry* find(const std::string& id) const;
    // Reads one entry; nullopt (and `problem`) when absent or unreadable.
    std::optional<LibraryEntry> load(const std::string& id, std::string* problem = nullptr) const;

    // A fresh entry of `kind` for `scenario` (not yet stored).
    LibraryEntry make(const std::string& kind, const tl::Scenario& scenario) const;
    // Stores the entry with its scores recomputed and `updated` set to now.
    // False when it did not fit (the budget or the browser's quota).
    bool save(LibraryEntry& e);
    void remove(const std::string& id);
    std::size_t used_chars() const;

    // Parses a stored value; nullopt and `problem` when it is not an entry.
    static std::optional<LibraryEntry> parse(const std::string& text, std::string* problem);
    static std::string serialize(const LibraryEntry& e);
    // All entries as one JSON document (the library's export).
    std::string export_all() const;

private:
    std::vector<LibraryEntry> entries_;
    std::vector<UnreadableValue> unreadable_;
};

}  // namespace app
