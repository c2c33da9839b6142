// The docs follow the real command line: every command and option of the CLI11 tree that
// app.cpp builds appears in the man page (in that command's own section) and in docs/usage.md.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace {

using momentum::cli::Context;

struct Command {
  std::string path;  // "goal add"; empty for the top level
  const CLI::App* app;
};

// A titled part of a document: its heading line and the text up to the next one.
struct Section {
  std::string heading;
  std::string body;
};

std::string read_doc(const std::string& relative) {
  std::ifstream in(std::string(MOMENTUM_SOURCE_DIR) + "/" + relative);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The subcommands a user can see: hidden ones (no group, like `__complete`) are left out.
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

void collect(const CLI::App& app, const std::string& path, std::vector<Command>& out) {
  out.push_back({path, &app});
  for (const CLI::App* sub : visible_subcommands(app)) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

// The real command line, as app.cpp builds it; nothing is parsed or run.
struct Cli {
  momentum::cli::Env env;
  std::ostringstream out;
  std::ostringstream err;
  Context ctx{env, momentum::cli::Terminal{}, out, err};
  std::function<int()> action;
  CLI::App app{"momentum", "momentum"};
  Cli() { momentum::cli::build(app, ctx, action); }

  // Every command, the top level first.
  std::vector<Command> commands() const {
    std::vector<Command> all;
    collect(app, "", all);
    return all;
  }
};

// The names a reader must find for `app`'s own options: "--goal", "-q"; help only at the top.
std::vector<std::string> option_names(const CLI::App& app, bool top) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    if (!top && opt == app.get_help_ptr()) continue;
    for (const std::string& name : opt->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : opt->get_snames()) names.push_back("-" + name);
  }
  return names;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// The words of `app`'s positional arguments as a synopsis writes them: "TITLE", "KEY".
std::vector<std::string> positional_words(const CLI::App& app) {
  std::vector<std::string> words;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional()) continue;
    std::istringstream split(opt->get_name());
    for (std::string word; split >> word;) words.push_back(upper(word));
  }
  return words;
}

// `text` holds `word` not glued to more of a name ("--goal" is not in "--goals").
bool has_word(const std::string& text, const std::string& word) {
  const auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  };
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const bool open_before = at == 0 || !name_char(text[at - 1]) || word.front() == '-';
    if (open_before && (end == text.size() || !name_char(text[end]))) return true;
  }
  return false;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Roff source as a reader sees the words: font changes dropped, "\-" a plain hyphen.
std::string plain_roff(std::string text) {
  for (const char* font : {"\\fB", "\\fI", "\\fR", "\\fP", "\\f(CW", "\\fC"})
    replace_all(text, font, "");
  for (const char* nothing : {"\\&", "\\|", "\\^", "\\c"}) replace_all(text, nothing, "");
  replace_all(text, "\\-", "-");
  replace_all(text, "\\(en", "-");
  replace_all(text, "\\ ", " ");
  replace_all(text, "\\~", " ");
  replace_all(text, "\\e", "\\");
  return text;
}

// The man page cut at `macro` lines (".SS", ".SH"), quotes dropped from the headings.
std::vector<Section> roff_sections(const std::string& roff, const std::string& macro) {
  std::vector<Section> sections;
  std::istringstream lines(roff);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(".SH", 0) == 0 || line.rfind(".SS", 0) == 0) {
      if (line.rfind(macro, 0) == 0) {
        std::string heading = line.substr(macro.size());
        heading.erase(std::remove(heading.begin(), heading.end(), '"'), heading.end());
        heading.erase(0, heading.find_first_not_of(' '));
        sections.push_back({heading, ""});
        continue;
      }
      if (!sections.empty() && (macro == ".SS" || line.rfind(".SH", 0) == 0)) {
        sections.push_back({"", ""});  // a boundary: what follows belongs to no heading asked for
        continue;
      }
    }
    if (!sections.empty()) sections.back().body += line + "\n";
  }
  return sections;
}

// The man page section for `command`: a heading that starts with its path and goes on with its
// arguments, not with one of its subcommands ("log [DURATION]", not "log list").
const Section* section_for(const std::vector<Section>& sections, const Command& command) {
  for (const Section& s : sections) {
    if (s.heading.rfind(command.path, 0) != 0) continue;
    if (s.heading.size() == command.path.size()) return &s;
    if (s.heading[command.path.size()] != ' ') continue;
    std::istringstream rest(s.heading.substr(command.path.size()));
    std::string next;
    rest >> next;
    const auto subs = visible_subcommands(*command.app);
    const bool names_sub = std::any_of(
        subs.begin(), subs.end(), [&](const CLI::App* sub) { return sub->get_name() == next; });
    if (!names_sub) return &s;
  }
  return nullptr;
}

// Markdown cut at headings of level 1 to 3; the heading keeps its "#"s.
std::vector<Section> markdown_sections(const std::string& markdown) {
  std::vector<Section> sections;
  std::istringstream lines(markdown);
  bool fenced = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    if (!fenced && line.rfind("#", 0) == 0 && line.rfind("####", 0) != 0) {
      sections.push_back({line, ""});
    } else if (!sections.empty()) {
      sections.back().body += line + "\n";
    }
  }
  return sections;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The text under every `##` heading that names `word` ("## Sprints" for sprint), with the
// deeper headings under it.
std::string usage_chapter(const std::vector<Section>& sections, const std::string& word) {
  std::string text;
  bool inside = false;
  for (const Section& s : sections) {
    const bool chapter = s.heading.rfind("## ", 0) == 0;
    if (chapter) {
      const std::string title = lower(s.heading.substr(3));
      inside = title.rfind(word, 0) == 0 || title.find(" " + word) != std::string::npos;
    }
    if (inside) text += s.heading + "\n" + s.body;
  }
  return text;
}

}  // namespace

TEST_CASE("the man page has a section for every command, naming all its options", "[docs]") {
  const Cli cli;
  const std::vector<Command> commands = cli.commands();
  const std::string roff = plain_roff(read_doc("docs/momentum.1"));
  const std::vector<Section> subsections = roff_sections(roff, ".SS");
  REQUIRE(commands.size() > 40);
  for (const Command& command : commands) {
    if (command.path.empty()) continue;
    INFO("command: momentum " << command.path);
    const bool own_part = visible_subcommands(*command.app).empty() ||
                          !option_names(*command.app, false).empty() ||
                          !positional_words(*command.app).empty();
    if (!own_part) {
      CHECK(has_word(roff, command.path));
      continue;
    }
    const Section* section = section_for(subsections, command);
    REQUIRE(section != nullptr);
    for (const std::string& word : positional_words(*command.app)) {
      INFO("argument " << word << " in heading '" << section->heading << "'");
      CHECK(has_word(section->heading, word));
    }
    for (const std::string& name : option_names(*command.app, false)) {
      INFO("option " << name);
      CHECK(has_word(section->heading + "\n" + section->body, name));
    }
  }
}

TEST_CASE("the man page lists every global option", "[docs]") {
  const Cli cli;
  const std::vector<Section> chapters =
      roff_sections(plain_roff(read_doc("docs/momentum.1")), ".SH");
  const auto global = std::find_if(chapters.begin(), chapters.end(),
                                   [](const Section& s) { return s.heading == "GLOBAL OPTIONS"; });
  REQUIRE(global != chapters.end());
  const std::vector<std::string> names = option_names(cli.app, true);
  REQUIRE(names.size() >= 6);
  for (const std::string& name : names) {
    INFO("option " << name);
    CHECK(has_word(global->body, name));
  }
}

TEST_CASE("docs/usage.md has a chapter for every command, naming its subcommands", "[docs]") {
  const Cli cli;
  const std::vector<Section> sections = markdown_sections(read_doc("docs/usage.md"));
  for (const CLI::App* top : visible_subcommands(cli.app)) {
    INFO("command: momentum " << top->get_name());
    const std::string chapter = usage_chapter(sections, top->get_name());
    REQUIRE_FALSE(chapter.empty());
    for (const CLI::App* sub : visible_subcommands(*top)) {
      INFO("subcommand " << sub->get_name());
      CHECK(has_word(chapter, sub->get_name()));
    }
  }
}

TEST_CASE("the man page is for this version", "[docs]") {
  const std::string roff = read_doc("docs/momentum.1");
  CHECK(roff.find("\"momentum " MOMENTUM_VERSION "\"") != std::string::npos);
  CHECK(plain_roff(roff).find("momentum " MOMENTUM_VERSION "\n") != std::string::npos);
}

// Columns of `line`: one per code point (the help texts are ASCII and a few dashes).
std::size_t columns(const std::string& line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

TEST_CASE("every --help fits 80 columns", "[docs]") {
  const Cli cli;
  for (const Command& c : cli.commands()) {
    std::istringstream lines(c.app->help());
    for (std::string line; std::getline(lines, line);) {
      INFO("momentum " << c.path << " --help: " << line);
      CHECK(columns(line) <= 80);
    }
  }
}

TEST_CASE("a repeatable option takes one value per occurrence", "[docs]") {
  const Cli cli;
  int repeatable = 0;
  for (const Command& c : cli.commands()) {
    for (const CLI::Option* opt : c.app->get_options()) {
      if (!opt->nonpositional() || opt->get_expected_max() <= 1) continue;
      ++repeatable;
      INFO("momentum " << c.path << " " << opt->get_name());
      CHECK_FALSE(opt->get_allow_extra_args());
    }
  }
  CHECK(repeatable >= 6);  // --tag on goal/task/log add and edit, sprint start --task
}
