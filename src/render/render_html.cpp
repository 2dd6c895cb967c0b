// `check --format html`: one self-contained page for an office: the phase
// counts, a chart of the coming weeks' last office days, and the students
// table, filterable with a few lines of inline script. Nothing is loaded
// from anywhere (a Content-Security-Policy says so to the browser); every
// piece of data is escaped, and text cells are isolated for right-to-left
// names.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <rpx/render_batch.hpp>
#include <rpx/utf8.hpp>

#include "render_detail.hpp"

namespace rpx {

namespace {

constexpr int k_weeks = HtmlChart::k_weeks;
constexpr auto k_chart_phases = HtmlChart::k_phases;

constexpr std::string_view k_style = R"(
:root{color-scheme:light}
body{font:14px/1.4 system-ui,"Noto Sans CJK SC","Noto Sans CJK KR","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#111;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:16px;margin:24px 0 8px}
.asof{margin:0;color:#333}
.counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:16px 0 0}
.counts li{border:1px solid #888;border-left-width:8px;padding:6px 12px;min-width:88px}
.counts .n{display:block;font-size:22px;font-weight:700}
.p-expired{border-color:#5c0000!important}.p-overdue{border-color:#d55e00!important}
.p-due{border-color:#e69f00!important}.p-ready{border-color:#009e73!important}
.p-processing{border-color:#0072b2!important}.p-upcoming{border-color:#9fd0ee!important}
.p-collected{border-color:#bbb!important}
svg text{font:12px system-ui,sans-serif;fill:#111}
#controls{margin:0 0 8px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top;white-space:nowrap}
td.t{white-space:normal}
th{background:#eee}
td.num{text-align:right}
tbody tr:nth-child(even){background:#f6f6f6}
td.phase{border-left-width:6px;font-weight:600}
.note{color:#333}
.errors li{font-family:monospace}
footer{margin-top:24px;color:#555;font-size:12px}
@page{size:A4 landscape;margin:12mm}
.wide{overflow-x:auto}
@media print{body{margin:0;font-size:8pt}#controls{display:none}
th,td{white-space:normal;padding:2px 4px}
tr{break-inside:avoid}thead{display:table-header-group}
tbody tr[hidden]{display:table-row}}
)";

constexpr std::string_view k_script = R"(
(function () {
  var c = document.getElementById('controls');
  var phase = document.getElementById('phase');
  var q = document.getElementById('q');
  var shown = document.getElementById('shown');
  var rows = document.querySelectorAll('#students tbody tr');
  function apply() {
    var p = phase.value, s = q.value.trim().toLowerCase(), n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!p || r.getAttribute('data-phase') === p) &&
          (!s || r.getAttribute('data-search').toLowerCase().indexOf(s) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n + ' / ' + rows.length;
  }
  phase.addEventListener('change', apply);
  q.addEventListener('input', apply);
  c.hidden = false;
  apply();
})();
)";

/// Fill colours of the chart, dark to light, so that the stack reads in
/// greyscale too; `due` is also hatched.
std::string_view chart_fill(Phase p) {
  switch (p) {
    case Phase::overdue:
      return "#d55e00";
    case Phase::due:
      return "url(#hatch-due)";
    default:
      return "#cfe8f7";
  }
}

std::string html_lang() {
  switch (output_lang()) {
    case Lang::zh:
      return "zh-CN";
    case Lang::ko:
      return "ko";
    case Lang::en:
      break;
  }
  return "en";
}

/// "2015–2026" for consecutive years, joined with ", " otherwise.
std::string year_ranges(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) {
      ++j;
    }
    out += (out.empty() ? "" : ", ") +
           (i == j ? std::to_string(years[i])
                   : fmt::format("{}–{}", years[i], years[j]));
    i = j + 1;
  }
  return out;
}

/// Which years' holidays are official, and from which year on rpx's
/// provisional estimate stands in.
std::string basis_line(const HtmlReport& report) {
  const std::vector<int>& official = report.official_years;
  if (official.empty()) {
    return tr("html.basis.none");
  }
  return tr("html.basis.official", {{"years", year_ranges(official)}}) + " " +
         tr("html.basis.provisional", {{"year", official.back() + 1}});
}

std::string counts_html(const PhaseCounts& counts, const PhaseSet& shown) {
  std::string out = "<ul class=\"counts\">\n";
  for (Phase p : k_phases) {
    if (!shown.contains(p)) {
      continue;
    }
    out += fmt::format(
        "<li class=\"p-{}\"><span class=\"n\">{}</span> {}</li>\n",
        phase_name(p), counts[p], html_escape(render_detail::phase_label(p)));
  }
  return out + "</ul>\n";
}

/// The stacked bar chart: one bar per week from the Monday of `as_of`'s
/// week, a segment per phase, the total above each bar and a segment's
/// count inside it when there is room.
std::string chart_svg(const HtmlChart& chart) {
  const Date first = chart.first_day();
  const HtmlChart::Bars& bars = chart.bars();
  int top = 1;
  for (const auto& bar : bars) {
    int total = 0;
    for (int n : bar) {
      total += n;
    }
    top = std::max(top, total);
  }
  constexpr int k_left = 40, k_bar = 40, k_step = 56, k_base = 220,
                k_height = 180;
  const int width = k_left + k_step * k_weeks + 10;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
      "viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"chart-title\">\n"
      "<title id=\"chart-title\">{}</title>\n"
      "<defs><pattern id=\"hatch-due\" width=\"6\" height=\"6\" "
      "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
      "<rect width=\"6\" height=\"6\" fill=\"#e69f00\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#7a4f00\" "
      "stroke-width=\"2\"/></pattern></defs>\n",
      width, k_base + 60, width, k_base + 60,
      html_escape(tr("html.chart.title")));
  out += fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#111\"/>\n",
      k_left - 4, k_base, width - 6, k_base);
  for (int k = 0; k < k_weeks; ++k) {
    const int x = k_left + k * k_step;
    int y = k_base;
    int total = 0;
    const auto& bar = bars[static_cast<std::size_t>(k)];
    const auto segments =
        std::count_if(bar.begin(), bar.end(), [](int n) { return n > 0; });
    for (std::size_t p = 0; p < k_chart_phases.size(); ++p) {
      const int n = bars[static_cast<std::size_t>(k)][p];
      if (n == 0) {
        continue;
      }
      total += n;
      const int h = std::max(2, n * k_height / top);
      y -= h;
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
          "stroke=\"#111\" stroke-width=\"0.5\"><title>{}: {}</title></rect>\n",
          x, y, k_bar, h, chart_fill(k_chart_phases[p]),
          html_escape(render_detail::phase_label(k_chart_phases[p])), n);
      if (h >= 16 && segments > 1) {  // a lone one has the total above
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
            "style=\"paint-order:stroke\" stroke=\"#fff\" "
            "stroke-width=\"3\">{}</text>\n",
            x + k_bar / 2, y + h / 2 + 4, n);
      }
    }
    if (total > 0) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
          "font-weight=\"700\">{}</text>\n",
          x + k_bar / 2, y - 4, total);
    }
    const Date monday = first + date::days{7 * k};
    const date::year_month_day ymd{monday};
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{:02}-{:02}</text>\n",
        x + k_bar / 2, k_base + 16, static_cast<unsigned>(ymd.month()),
        static_cast<unsigned>(ymd.day()));
  }
  // The legend, in the stack's order.
  int x = k_left;
  for (Phase p : k_chart_phases) {
    const std::string label = html_escape(render_detail::phase_label(p));
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" "
        "stroke=\"#111\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\">{}"
        "</text>\n",
        x, k_base + 30, chart_fill(p), x + 20, k_base + 42, label);
    x += 40 + static_cast<int>(display_width(label)) * 8;
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", x + 20, k_base + 42,
                     html_escape(tr("html.chart.axis")));
  return out + "</svg>\n";
}

std::string controls_html(const PhaseSet& shown) {
  std::string out = fmt::format(
      "<div id=\"controls\" hidden>\n<label>{} <select id=\"phase\">"
      "<option value=\"\">{}</option>",
      html_escape(tr("html.filter.phase")), html_escape(tr("html.filter.all")));
  for (Phase p : k_phases) {
    if (shown.contains(p)) {
      out += fmt::format("<option value=\"{}\">{}</option>", phase_name(p),
                         html_escape(render_detail::phase_label(p)));
    }
  }
  return out + fmt::format(
                   "</select></label>\n<label>{} <input id=\"q\" "
                   "type=\"search\" placeholder=\"{}\"></label>\n"
                   "<span id=\"shown\"></span>\n</div>\n",
                   html_escape(tr("html.filter.search")),
                   html_escape(tr("html.filter.search_hint")));
}

}  // namespace

namespace {

/// Appends `text` to `out`, escaped for HTML text and attribute values:
/// runs without a special character in one append.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.substr(from, i - from));
    out.append(entity);
    from = i + 1;
  }
  out.append(text.substr(from));
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

std::string render_html_row(const std::vector<Column>& columns,
                            const std::string& file, const StudentState& state,
                            const Assessment& assessment) {
  const TableRow cells = make_table_row(columns, file, state, assessment);
  const std::string_view phase = phase_name(assessment.phase);
  std::string row;
  row.reserve(512);
  row += "<tr data-phase=\"";
  row += phase;
  row += "\" data-search=\"";
  append_escaped(row, printable(state.student_id + " " + state.name));
  row += "\">";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    std::string_view close = "</td>";
    if (c.field == Field::phase) {
      row += "<td class=\"phase p-";
      row += phase;
      row += "\">";
    } else if (c.field == Field::days_to_deadline ||
               c.field == Field::days_to_expiry) {
      row += "<td class=\"num\">";
    } else if (!c.field || c.field == Field::name || c.field == Field::file ||
               c.field == Field::student_id) {
      // Text may be right-to-left, and may wrap.
      row += "<td class=\"t\"><bdi>";
      close = "</bdi></td>";
    } else {
      row += "<td>";
    }
    append_escaped(row, cells.cells[i]);
    row += close;
  }
  row += "</tr>\n";
  return row;
}

HtmlChart::HtmlChart(Date as_of)
    : m_first(as_of -
              date::days{(date::weekday(as_of) - date::Monday).count()}) {}

void HtmlChart::add(const Assessment& a) {
  m_bases[static_cast<std::size_t>(a.deadline.note.basis)] = true;
  const auto it =
      std::find(k_chart_phases.begin(), k_chart_phases.end(), a.phase);
  const Date last = a.deadline.last_office_day;
  // Once submitted, the last office day no longer comes.
  if (a.step(StepId::submit).done || it == k_chart_phases.end() ||
      last < m_first) {
    return;
  }
  const auto week = (last - m_first).count() / 7;
  if (week < k_weeks) {
    ++m_bars[static_cast<std::size_t>(week)]
            [static_cast<std::size_t>(it - k_chart_phases.begin())];
  }
}

void HtmlChart::merge(const HtmlChart& other) {
  for (std::size_t w = 0; w < m_bars.size(); ++w) {
    for (std::size_t p = 0; p < m_bars[w].size(); ++p) {
      m_bars[w][p] += other.m_bars[w][p];
    }
  }
  for (std::size_t b = 0; b < m_bases.size(); ++b) {
    m_bases[b] = m_bases[b] || other.m_bases[b];
  }
}

void render_check_html(const HtmlReport& report, const HtmlChart& chart,
                       const Items& rows, const Sink& out) {
  out(fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      html_lang(),
      html_escape(tr("html.title", {{"date", format_date(report.as_of)}})),
      k_style));
  out(fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"asof\">{}</p>\n<p "
      "class=\"asof\">{}</p>\n</header>\n",
      html_escape(tr("html.heading")),
      html_escape(tr_n("html.as_of",
                       static_cast<long long>(report.counts.total()),
                       {{"date", show_weekday_date(report.as_of)}})),
      html_escape(basis_line(report))));
  out(counts_html(report.counts, report.shown));
  out(fmt::format("<h2>{}</h2>\n", html_escape(tr("html.chart.heading"))));
  out(chart_svg(chart));
  out(fmt::format("<h2>{}</h2>\n", html_escape(tr("html.table.heading"))));
  out(controls_html(report.shown));
  std::string head =
      "<div class=\"wide\">\n<table id=\"students\">\n<thead><tr>";
  for (const Column& c : report.columns) {
    head += "<th scope=\"col\">" + html_escape(column_heading(c)) + "</th>";
  }
  out(head + "</tr></thead>\n<tbody>\n");
  rows(out);
  out("</tbody>\n</table>\n</div>\n");
  // The marks after dates, explained as under the text table.
  for (Basis b : {Basis::provisional, Basis::weekdays}) {
    if (chart.has(b)) {
      out(fmt::format("<p class=\"note\">{}</p>\n",
                      html_escape(tr(b == Basis::provisional
                                         ? "check.footnote.provisional"
                                         : "check.footnote.weekdays"))));
    }
  }
  if (!report.errors.empty()) {
    std::string errors = fmt::format(
        "<h2>{}</h2>\n<ul class=\"errors\">\n",
        html_escape(tr_n("html.errors.heading",
                         static_cast<long long>(report.errors.size()))));
    for (const BatchError& e : report.errors) {
      errors += "<li><bdi>" +
                html_escape(printable(e.error.in(output_lang()))) +
                "</bdi></li>\n";
    }
    out(errors + "</ul>\n");
  }
  out(fmt::format(
      "<footer>{}</footer>\n<script>{}</script>\n</body>\n"
      "</html>\n",
      html_escape(tr("html.footer", {{"version", RPX_VERSION}})), k_script));
}

}  // namespace rpx
