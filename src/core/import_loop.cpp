// Loop Habit Tracker's CSV export and database rows → goals, check-ins and rest days.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "import_util.hpp"
#include "momentum/error.hpp"
#include "momentum/import.hpp"

namespace momentum {
namespace {

namespace iu = import_util;

constexpr std::int64_t yes_manual = 2;
constexpr std::int64_t yes_auto = 1;
constexpr std::int64_t no = 0;
constexpr std::int64_t unknown = -1;
constexpr std::int64_t skip = 3;
constexpr double amount_scale = 1000.0;
constexpr std::int64_t ms_per_day = 86'400'000;
constexpr int max_window = 365;

// One CSV row and the line it starts on.
struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

// RFC 4180 rows as opencsv writes them (quotes only when needed, "" inside quotes).
std::vector<Row> read_csv(std::string_view text, std::string_view file) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false;
  bool any = false;
  int line = 1;
  row.line = 1;
  const auto end_row = [&] {
    if (any || !field.empty() || !row.fields.empty()) {
      row.fields.push_back(std::move(field));
      rows.push_back(std::move(row));
    }
    row = Row{};
    field.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (row.fields.empty() && field.empty() && !any) row.line = line;
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n') {
      end_row();
      ++line;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (quoted) throw UsageError(fmt::format("{}:{}: a quoted field never ends", file, row.line));
  end_row();
  return rows;
}

const std::map<std::string, std::int64_t, std::less<>>& value_names() {
  static const std::map<std::string, std::int64_t, std::less<>> names{{"YES_MANUAL", yes_manual},
                                                                      {"YES_AUTO", yes_auto},
                                                                      {"NO", no},
                                                                      {"UNKNOWN", unknown},
                                                                      {"SKIP", skip}};
  return names;
}

std::int64_t read_value(std::string_view text, std::string_view where) {
  if (const auto it = value_names().find(text); it != value_names().end()) return it->second;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    throw UsageError(fmt::format(
        "{}: value '{}' is not YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a whole number", where,
        text));
  }
  return n;
}

int read_int(std::string_view text, std::string_view where, std::string_view column) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
    throw UsageError(fmt::format("{}: {} '{}' is not a whole number", where, column, text));
  }
  return n;
}

Day read_csv_day(std::string_view text, std::string_view where) {
  if (const auto day = read_day(text)) return *day;
  throw UsageError(fmt::format("{}: '{}' is not a day YYYY-MM-DD", where, text));
}

// The entries of a per-habit Checkmarks.csv: "Date,Value,Notes" (2.3.1) or "date,int" rows.
std::vector<LoopEntry> read_checkmarks(const NamedText& file, std::string_view source) {
  std::vector<LoopEntry> entries;
  for (const Row& row : read_csv(file.text, file.name)) {
    if (row.line == 1 && !row.fields.empty() && row.fields[0] == "Date") continue;
    const std::string where = fmt::format("{}: {}:{}", source, file.name, row.line);
    if (row.fields.size() < 2) throw UsageError(where + ": expected DATE,VALUE");
    LoopEntry e;
    e.day = read_csv_day(row.fields[0], where);
    e.value = read_value(row.fields[1], where);
    if (row.fields.size() > 2) e.notes = row.fields[2];
    entries.push_back(std::move(e));
  }
  return entries;
}

// The root Checkmarks.csv: "Date,<name>,<name>," then one row per day, a column per habit.
std::vector<std::vector<LoopEntry>> read_root_checkmarks(const NamedText& file,
                                                         std::string_view source,
                                                         std::size_t habits) {
  std::vector<std::vector<LoopEntry>> columns(habits);
  const auto rows = read_csv(file.text, file.name);
  for (const Row& row : rows) {
    if (row.line == 1) continue;  // the header
    const std::string where = fmt::format("{}: {}:{}", source, file.name, row.line);
    if (row.fields.empty()) continue;
    const Day day = read_csv_day(row.fields[0], where);
    for (std::size_t i = 0; i < habits && i + 1 < row.fields.size(); ++i) {
      const std::int64_t value = read_value(row.fields[i + 1], where);
      if (value != unknown) columns[i].push_back({day, value, {}});
    }
  }
  return columns;
}

// The folder part of a path inside the export: "" or "Loop Habits CSV 2015-01-25/".
std::string folder_of(std::string_view name) {
  const auto slash = name.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(name.substr(0, slash + 1));
}

const NamedText* find_file(const std::vector<NamedText>& files, std::string_view name) {
  for (const NamedText& f : files)
    if (f.name == name) return &f;
  return nullptr;
}

// The habit's own Checkmarks.csv, in folder "NNN <name>" where NNN is its position.
const NamedText* habit_checkmarks(const std::vector<NamedText>& files, std::string_view root,
                                  int position) {
  for (const NamedText& f : files) {
    std::string_view name = f.name;
    if (!name.starts_with(root) || !name.ends_with("/Checkmarks.csv")) continue;
    name.remove_prefix(root.size());
    if (name.find('/') != name.rfind('/')) continue;  // deeper than one folder
    int n = 0;
    const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
    if (ec == std::errc{} && *end == ' ' && n == position) return &f;
  }
  return nullptr;
}

Cadence loop_cadence(int num, int den, const std::string& name,
                     std::vector<ImportSkipped>& skipped) {
  if (num >= den) return Cadence{Cadence::Type::daily};
  if (den == 7) return Cadence{Cadence::Type::per_week, num};
  if (den > max_window) {
    skipped.push_back({fmt::format("frequency {}/{} of habit '{}'", num, den, name),
                       "a window over 365 days: the goal keeps no streak"});
    return Cadence{Cadence::Type::none};
  }
  return Cadence{Cadence::Type::rolling, num, den};
}

bool is_minutes(std::string unit) {
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return unit == "min" || unit == "mins" || unit == "minute" || unit == "minutes" || unit == "m";
}

bool is_hours(std::string unit) {
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return unit == "h" || unit == "hr" || unit == "hrs" || unit == "hour" || unit == "hours";
}

// A numerical habit's amount as a check-in's minutes, when its unit is time and it fits.
std::optional<int> amount_minutes(const LoopHabit& h, double amount) {
  const double minutes = is_minutes(h.unit) ? amount : is_hours(h.unit) ? amount * 60 : -1;
  if (minutes < 1 || minutes > 24 * 60) return std::nullopt;
  return static_cast<int>(std::lround(minutes));
}

std::string join_note(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + "\n" + b;
}

class Converter {
 public:
  ImportBatch run(const std::vector<LoopHabit>& habits) {
    batch_.source = ImportSource::loop;
    for (const LoopHabit& h : habits) habit(h);
    for (ImportEvent& e : endings_) batch_.events.push_back(std::move(e));
    return std::move(batch_);
  }

 private:
  void skip_item(std::string what, std::string why) {
    batch_.skipped.push_back({std::move(what), std::move(why)});
  }

  void habit(const LoopHabit& h) {
    const std::string title = iu::title(h.name);
    if (title.empty()) return skip_item("a habit", "no name (or not valid UTF-8)");
    const Uuid goal = stable_import_id("loop:habit:" + h.name);
    std::vector<LoopEntry> entries = h.entries;
    std::sort(entries.begin(), entries.end(),
              [](const LoopEntry& a, const LoopEntry& b) { return a.day < b.day; });
    GoalAdd g;
    g.title = title;
    if (const std::string why = iu::note(h.description); !why.empty()) g.why = why;
    g.importance = 3;
    g.cadence = h.freq_num < 1 || h.freq_den < 1
                    ? Cadence{Cadence::Type::none}
                    : loop_cadence(h.freq_num, h.freq_den, h.name, batch_.skipped);
    g.tags = std::vector<std::string>{};
    if (!entries.empty()) g.day = entries.front().day;
    batch_.events.push_back({goal, goal, std::move(g)});
    for (const LoopEntry& e : entries) entry(h, goal, e);
    if (h.archived) {
      const std::optional<Day> ended =
          entries.empty() ? std::nullopt
                          : std::optional<Day>(entries.back().day + std::chrono::days{1});
      endings_.push_back({stable_import_id("loop:habit:" + h.name + ":archived"), goal,
                          GoalSetStatus{goal, GoalStatus::dropped, std::nullopt, ended}});
    }
  }

  void entry(const LoopHabit& h, const Uuid& goal, const LoopEntry& e) {
    const std::string what = fmt::format("{} on {}", h.name, format_day(e.day));
    const Uuid id = stable_import_id(fmt::format("loop:{}:{}", h.name, format_day(e.day)));
    const std::string notes = iu::note(e.notes);
    if (h.numerical) {
      if (e.value <= 0) {
        if (!notes.empty()) skip_item(what, "a note on a day without an amount");
        return;
      }
      const double amount = static_cast<double>(e.value) / amount_scale;
      LogAdd log = check_in(e.day, goal);
      if (const auto minutes = amount_minutes(h, amount)) {
        log.minutes = std::optional<int>(*minutes);
        if (!notes.empty()) log.note = notes;
      } else {
        const std::string amount_text =
            h.unit.empty() ? fmt::format("{:g}", amount) : fmt::format("{:g} {}", amount, h.unit);
        log.note = iu::note(join_note(amount_text, notes));
      }
      batch_.events.push_back({id, id, std::move(log)});
      return;
    }
    switch (e.value) {
      case yes_manual: {
        LogAdd log = check_in(e.day, goal);
        if (!notes.empty()) log.note = notes;
        batch_.events.push_back({id, id, std::move(log)});
        return;
      }
      case skip: {
        SkipAdd s{e.day, goal, std::nullopt};
        if (!notes.empty()) s.reason = notes;
        batch_.events.push_back({id, id, std::move(s)});
        return;
      }
      case yes_auto:
        return skip_item(what, "YES_AUTO: Loop infers it from the frequency; so does the cadence");
      case no:
        return skip_item(what, "NO: not done, nothing to bring in");
      default:
        if (!notes.empty()) skip_item(what, "a note on a day without a check-in");
        return;
    }
  }

  static LogAdd check_in(Day day, const Uuid& goal) {
    LogAdd log;
    log.day = day;
    log.kind = Kind::do_;
    log.goal = std::optional<Uuid>(goal);
    return log;
  }

  ImportBatch batch_;
  std::vector<ImportEvent> endings_;
};

// Which column of the header holds `name`.
std::optional<std::size_t> column(const Row& header, std::string_view name) {
  const auto it = std::find(header.fields.begin(), header.fields.end(), name);
  if (it == header.fields.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.fields.begin());
}

}  // namespace

std::vector<LoopHabit> parse_loop_csv(const std::vector<NamedText>& files,
                                      std::string_view source) {
  const NamedText* habits_file = nullptr;
  for (const NamedText& f : files) {
    if ((f.name == "Habits.csv" || f.name.ends_with("/Habits.csv")) &&
        (!habits_file || f.name.size() < habits_file->name.size())) {
      habits_file = &f;
    }
  }
  if (!habits_file) {
    throw UsageError(fmt::format("{}: no Habits.csv; expected Loop's CSV export", source));
  }
  const std::string root = folder_of(habits_file->name);
  const auto rows = read_csv(habits_file->text, habits_file->name);
  const std::string file = fmt::format("{}: {}", source, habits_file->name);
  if (rows.empty()) throw UsageError(file + ": empty; expected a header row");
  const Row& header = rows.front();
  const bool new_layout = column(header, "FrequencyNumerator").has_value();
  const auto need = [&](std::string_view name) {
    const auto c = column(header, name);
    if (!c) {
      throw UsageError(fmt::format("{}:1: no '{}' column; expected Loop's Habits.csv", file, name));
    }
    return *c;
  };
  const std::size_t position = need("Position");
  const std::size_t name = need("Name");
  const std::size_t num = need(new_layout ? "FrequencyNumerator" : "NumRepetitions");
  const std::size_t den = need(new_layout ? "FrequencyDenominator" : "Interval");
  const auto description = column(header, "Description");
  const auto type = column(header, "Type");
  const auto unit = column(header, "Unit");
  const auto target_type = column(header, "Target Type");
  const auto target_value = column(header, "Target Value");
  const auto archived = column(header, "Archived?");
  std::vector<LoopHabit> habits;
  std::vector<int> positions;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const Row& row = rows[r];
    const std::string where = fmt::format("{}:{}", file, row.line);
    const auto field = [&](std::optional<std::size_t> c) -> std::string {
      return c && *c < row.fields.size() ? row.fields[*c] : std::string();
    };
    if (row.fields.size() <= std::max({position, name, num, den})) {
      throw UsageError(
          fmt::format("{}: {} fields, fewer than the header's", where, row.fields.size()));
    }
    LoopHabit h;
    h.name = row.fields[name];
    h.description = field(description);
    h.freq_num = read_int(row.fields[num], where, header.fields[num]);
    h.freq_den = read_int(row.fields[den], where, header.fields[den]);
    h.numerical = field(type) == "NUMERICAL";
    h.unit = field(unit);
    h.at_most = field(target_type) == "AT_MOST";
    if (const std::string t = field(target_value); !t.empty()) h.target = std::atof(t.c_str());
    h.archived = field(archived) == "true";
    positions.push_back(read_int(row.fields[position], where, "Position"));
    habits.push_back(std::move(h));
  }
  const NamedText* root_checkmarks = find_file(files, root + "Checkmarks.csv");
  std::vector<std::vector<LoopEntry>> root_columns;
  for (std::size_t i = 0; i < habits.size(); ++i) {
    if (const NamedText* own = habit_checkmarks(files, root, positions[i])) {
      habits[i].entries = read_checkmarks(*own, source);
    } else if (root_checkmarks) {
      if (root_columns.empty()) {
        root_columns = read_root_checkmarks(*root_checkmarks, source, habits.size());
      }
      habits[i].entries = root_columns[i];
    }
    // Before 2.3.1 the type is not written: amounts show a numerical habit.
    if (!new_layout) {
      habits[i].numerical =
          std::any_of(habits[i].entries.begin(), habits[i].entries.end(),
                      [](const LoopEntry& e) { return e.value > skip || e.value < unknown; });
    }
  }
  return habits;
}

std::vector<LoopHabit> loop_db_habits(const std::vector<LoopDbHabit>& habits,
                                      const std::vector<LoopDbRepetition>& repetitions,
                                      std::string_view source) {
  std::vector<LoopHabit> out;
  std::map<std::int64_t, std::size_t> by_id;
  for (const LoopDbHabit& r : habits) {
    LoopHabit h;
    h.name = r.name;
    h.question = r.question.value_or(r.description);
    if (r.question) h.description = r.description;  // before v23 it is the question
    h.freq_num = static_cast<int>(std::clamp<std::int64_t>(r.freq_num, 0, 100000));
    h.freq_den = static_cast<int>(std::clamp<std::int64_t>(r.freq_den, 0, 100000));
    h.numerical = r.type == 1;
    h.at_most = r.target_type == 1;
    h.target = r.target_value;
    h.unit = r.unit;
    h.archived = r.archived != 0;
    by_id[r.id] = out.size();
    out.push_back(std::move(h));
  }
  for (const LoopDbRepetition& rep : repetitions) {
    const auto it = by_id.find(rep.habit);
    if (it == by_id.end()) {
      throw UsageError(fmt::format("{}: a repetition refers to habit {}, which is not in Habits",
                                   source, rep.habit));
    }
    const std::int64_t days = rep.timestamp >= 0
                                  ? rep.timestamp / ms_per_day
                                  : -((-rep.timestamp + ms_per_day - 1) / ms_per_day);
    out[it->second].entries.push_back({Day{std::chrono::days{days}}, rep.value, rep.notes});
  }
  return out;
}

ImportBatch loop_batch(const std::vector<LoopHabit>& habits) { return Converter().run(habits); }

}  // namespace momentum
