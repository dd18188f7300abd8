// Trilemma Lab core: the basic vocabulary shared by every part of the model.
// Blocs and sectors follow ../shared/design/MODEL.md: the five "Sputnik moments"
// of seed 001 (001:L22) plus telecom/5G (004:L694).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tl {

enum class Bloc : int { US, China, EU, Allies, GlobalSouth };
inline constexpr int kBlocCount = 5;

enum class Sector : int { Semis, AI, Quantum, CleanTech, Biotech, Telecom };
inline constexpr int kSectorCount = 6;

enum class Pillar : int { Protect, Promote, Partner };
inline constexpr int kPillarCount = 3;

// Yearly steps from the calibrated base year to a horizon the user chooses.
inline constexpr int kBaseYear = 2024;
inline constexpr int kMinHorizon = 2026;
inline constexpr int kMaxHorizon = 2040;
inline constexpr int kDefaultHorizon = 2035;
inline constexpr int kDefaultStartYear = 2025;  // first year a lever change acts (model v2)
inline constexpr int kMaxYears = kMaxHorizon - kBaseYear + 1;  // points 2024..2040
// The backcast (issue 14) replays the policies of assets/history/policy_timeline.json
// from this year to the base year; its years are history, the same for every
// scenario and seat. Result arrays stay indexed from kBaseYear; the history
// years have arrays of their own (Results::hist).
inline constexpr int kFirstYear = 2017;
inline constexpr int kHistoryYears = kBaseYear - kFirstYear;  // points 2017..2023

inline constexpr std::array<std::string_view, kBlocCount> kBlocIds{"US", "China", "EU", "Allies", "GlobalSouth"};
inline constexpr std::array<std::string_view, kBlocCount> kBlocNames{
    "United States", "China", "European Union", "Allies (Japan, Korea, Taiwan, NL, Australia)",
    "Global South (India, ASEAN, Latin America, Africa)"};
inline constexpr std::array<std::string_view, kBlocCount> kBlocShortNames{"US", "China", "EU", "Allies",
                                                                         "Global South"};

inline constexpr std::array<std::string_view, kSectorCount> kSectorIds{"semis",      "ai",      "quantum",
                                                                      "cleantech", "biotech", "telecom"};
inline constexpr std::array<std::string_view, kSectorCount> kSectorNames{
    "Semiconductors", "AI", "Quantum", "Clean tech", "Biotech", "Telecom / 5G"};

inline constexpr std::array<std::string_view, kSectorCount> kSectorShortNames{"Chips", "AI", "Quantum", "Clean tech",
                                                                            "Biotech", "Telecom"};
inline constexpr std::array<std::string_view, kBlocCount> kBlocTinyNames{"US", "China", "EU", "Allies", "GS"};

inline constexpr std::array<std::string_view, kPillarCount> kPillarIds{"protect", "promote", "partner"};
inline constexpr std::array<std::string_view, kPillarCount> kPillarNames{"Protect", "Promote", "Partner"};

inline constexpr int idx(Bloc b) { return static_cast<int>(b); }
inline constexpr int idx(Sector s) { return static_cast<int>(s); }
inline constexpr int idx(Pillar p) { return static_cast<int>(p); }

// The two poles of the technology competition. US, EU and Allies form the
// Western camp; the Global South is the swing group both poles court (001:L47).
inline constexpr bool is_western(int bloc) { return bloc == 0 || bloc == 2 || bloc == 3; }
inline constexpr bool is_china(int bloc) { return bloc == 1; }
// China and a Western bloc, either way round; the Global South is no one's rival.
inline constexpr bool rivals(int a, int b) { return (is_china(a) && is_western(b)) || (is_china(b) && is_western(a)); }

template <typename Enum, std::size_t N>
std::optional<Enum> parse_id(const std::array<std::string_view, N>& ids, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i)
        if (ids[i] == text) return static_cast<Enum>(i);
    return std::nullopt;
}
inline std::optional<Bloc> parse_bloc(std::string_view t) { return parse_id<Bloc>(kBlocIds, t); }
inline std::optional<Sector> parse_sector(std::string_view t) { return parse_id<Sector>(kSectorIds, t); }
inline std::optional<Pillar> parse_pillar(std::string_view t) { return parse_id<Pillar>(kPillarIds, t); }

}  // namespace tl
