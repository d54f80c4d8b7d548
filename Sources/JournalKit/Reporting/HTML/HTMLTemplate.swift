/// The HTML report's mustache template. HTML escaping is on (`CONTENT_TYPE: HTML`): every
/// `{{value}}` is escaped for text and for quoted attributes, and the template has no `{{{raw}}}`.
///
/// Colours: the Okabe–Ito palette, safe for the common colour-vision deficiencies, and every
/// outcome has a second cue: a pattern in the charts (missed striped, stale dotted, released late
/// cross-hatched, open hatched outline, kept undated lined) and its word in tables and tooltips.
enum HTMLTemplate {
    static let page = """
        {{% CONTENT_TYPE: HTML}}<!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="{{generator}}">
        <title>{{title}}</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <svg class="patterns" aria-hidden="true" focusable="false" width="0" height="0">
        <defs>
        <pattern id="p-missed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="c-missed" width="6" height="6"/><rect class="c-mark" width="2" height="6"/></pattern>
        <pattern id="p-stale" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="c-stale" width="6" height="6"/><circle class="c-mark" cx="3" cy="3" r="1.2"/></pattern>
        <pattern id="p-releasedLate" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="c-releasedLate" width="6" height="6"/><path class="c-stroke" d="M0 0L6 6M6 0L0 6"/></pattern>
        <pattern id="p-open" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="c-open" width="6" height="6"/><rect class="c-hatch" width="1.5" height="6"/></pattern>
        <pattern id="p-keptUndated" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="c-keptUndated" width="6" height="6"/><rect class="c-mark" y="2" width="6" height="1.5"/></pattern>
        </defs>
        </svg>
        <header>
        <h1>{{title}}</h1>
        </header>
        <main>
        {{#sections}}
        <section id="{{id}}">
        {{#hasHeading}}<h2>{{heading}}</h2>{{/hasHeading}}
        {{#lines}}<p class="line">{{.}}</p>
        {{/lines}}
        {{#charts}}
        <figure class="chart-figure" id="{{id}}">
        <figcaption>{{title}}</figcaption>
        <div class="chart-scroll{{#timeline}} timeline{{/timeline}}">
        <svg class="chart" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-title {{id}}-desc">
        <title id="{{id}}-title">{{title}}</title>
        <desc id="{{id}}-desc">{{description}}</desc>
        {{#grid}}<line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}" class="{{kind}}"/>
        {{/grid}}
        {{#rects}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" class="{{kind}}"><title>{{tip}}</title></rect>
        {{/rects}}
        {{#polylines}}<polyline points="{{points}}" class="{{kind}}"/>
        {{/polylines}}
        {{#circles}}<circle cx="{{cx}}" cy="{{cy}}" r="{{r}}" class="{{kind}}"><title>{{tip}}</title></circle>
        {{/circles}}
        {{#labels}}<text x="{{x}}" y="{{y}}" text-anchor="{{anchor}}" class="{{kind}}">{{text}}</text>
        {{/labels}}
        </svg>
        </div>
        </figure>
        {{/charts}}
        {{#hasLegend}}
        <ul class="legend" aria-label="Outcomes">
        {{#legend}}<li><svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true"><rect class="{{kind}}" width="14" height="14"/></svg>{{label}}</li>
        {{/legend}}
        </ul>
        {{/hasLegend}}
        {{#tables}}
        <div class="scroll">
        <table class="counts">
        <caption>{{caption}}</caption>
        <thead><tr>{{#headers}}<th scope="col"{{#numeric}} class="num"{{/numeric}}>{{text}}</th>{{/headers}}</tr></thead>
        <tbody>
        {{#rows}}<tr>{{#cells}}<td class="{{#numeric}}num {{/numeric}}{{role}}"><bdi>{{text}}</bdi></td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/tables}}
        {{#itemTables}}
        <table class="items">
        <thead><tr>{{#headers}}<th scope="col">{{.}}</th>{{/headers}}</tr></thead>
        <tbody>
        {{#rows}}
        <tr>
        <td data-label="{{labelHeader}}"><span class="badge {{role}}">{{label}}</span></td>
        <td data-label="{{noteHeader}}">{{note}}</td>
        <td data-label="Commitment" class="text"><bdi>{{text}}</bdi>
        <details><summary>History</summary>
        <ol class="history">
        {{#history}}<li><span class="date">{{date}}</span> <span class="what">{{what}}</span> <bdi>{{note}}</bdi>{{#hasLink}} <a href="{{href}}">{{location}}</a>{{/hasLink}}</li>
        {{/history}}
        </ol>
        </details></td>
        <td data-label="Due" class="nowrap">{{due}}</td>
        <td data-label="Made" class="nowrap">{{made}}</td>
        <td data-label="Where" class="where"><a href="{{href}}">{{#locationParts}}{{.}}<wbr>{{/locationParts}}</a></td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        {{/itemTables}}
        {{#notes}}<p class="note">{{.}}</p>
        {{/notes}}
        </section>
        {{/sections}}
        </main>
        <footer><p>Links point to entry files relative to the journal's top folder: save this page there, or render it with --link-base.</p></footer>
        </body>
        </html>

        """

    static let style = """
        :root { color-scheme: light dark;
          --bg: #ffffff; --ink: #1d1d1f; --muted: #5c5c66; --rule: #d4d4d8; --grid: #e8e8ec; --panel: #f5f5f7;
          --keptOnTime: #009E73; --keptLate: #0072B2; --keptUndated: #56B4E9; --released: #a0a0a8;
          --releasedLate: #CC79A7; --missed: #D55E00; --stale: #E69F00; --open: #ffffff; --mark: #ffffff;
          --hatch: #8a8a94; --good: #00704f; --bad: #a94400; --warning: #7a5200; --dim: #6b6b75;
          --day0: #ebedf0; --day1: #b6e3d4; --day2: #4cb78f; --day3: #007a5a; --mirror: #0072B2; --ontime: #0072B2; }
        @media (prefers-color-scheme: dark) { :root {
          --bg: #15171b; --ink: #e9e9ee; --muted: #a9a9b4; --rule: #3b3e46; --grid: #2a2d33; --panel: #1e2127;
          --open: #15171b; --mark: #15171b; --hatch: #9a9aa6; --good: #5fd3a8; --bad: #ff9a5c;
          --warning: #f3c14b; --dim: #a0a0aa; --day0: #262a31; --day1: #1d5a47; --day2: #2f9a73; --day3: #6fe0b4;
          --mirror: #56B4E9; --ontime: #56B4E9; } }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 1000px; padding: 16px; background: var(--bg); color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
        h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; padding-top: .6rem; border-top: 1px solid var(--rule); }
        p.line { margin: .15rem 0; }
        p.note { margin: .3rem 0; padding: .3rem .6rem; border-left: 3px solid var(--stale); background: var(--panel); }
        .patterns { position: absolute; width: 0; height: 0; overflow: hidden; }
        figure.chart-figure { margin: 0 0 1rem; padding: .6rem; background: var(--panel); border-radius: 6px;
          break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        .chart-scroll { overflow-x: auto; max-width: 100%; }
        .chart-scroll.timeline { direction: rtl; }
        .chart-scroll > svg { direction: ltr; }
        svg.chart { display: block; width: 100%; height: auto; }
        .chart text { fill: var(--ink); font-size: 12px; font-family: inherit; }
        .chart text.small { fill: var(--muted); font-size: 11px; }
        .chart line.grid { stroke: var(--grid); stroke-width: 1; }
        .chart line.axis { stroke: var(--muted); stroke-width: 1; }
        .ft { fill: var(--keptOnTime); }
        .chart circle.ontime { fill: var(--ontime); stroke: var(--bg); stroke-width: 1.5; }
        .chart polyline.ontime { fill: none; stroke: var(--ontime); stroke-width: 2; }
        .o-keptOnTime, .c-keptOnTime { fill: var(--keptOnTime); }
        .o-keptLate, .c-keptLate { fill: var(--keptLate); }
        .c-keptUndated { fill: var(--keptUndated); }
        .o-keptUndated { fill: url(#p-keptUndated); }
        .o-released, .c-released { fill: var(--released); }
        .c-releasedLate { fill: var(--releasedLate); }
        .o-releasedLate { fill: url(#p-releasedLate); }
        .c-missed { fill: var(--missed); }
        .o-missed { fill: url(#p-missed); }
        .c-stale { fill: var(--stale); }
        .o-stale { fill: url(#p-stale); }
        .c-open { fill: var(--open); }
        .o-open { fill: url(#p-open); stroke: var(--hatch); stroke-width: 1; }
        .c-mark { fill: var(--mark); opacity: .75; }
        .c-stroke { stroke: var(--mark); stroke-width: 1.2; opacity: .8; }
        .c-hatch { fill: var(--hatch); }
        .mirror-kept { fill: var(--keptOnTime); }
        .mirror-short { fill: url(#p-stale); }
        .mirror-none { fill: url(#p-open); stroke: var(--hatch); }
        .day0 { fill: var(--day0); } .day1 { fill: var(--day1); } .day2 { fill: var(--day2); } .day3 { fill: var(--day3); }
        .day-mirror { fill: var(--mirror); }
        .chart circle.mirror-dot { fill: var(--bg); }
        ul.legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem;
          font-size: .85rem; }
        ul.legend li { display: flex; align-items: center; gap: .35rem; }
        ul.legend svg { border: 1px solid var(--rule); }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: .3rem 0 1rem; font-size: .9rem; }
        table.counts { font-size: .82rem; }
        table.counts th, table.counts td { padding: .2rem .45rem; }
        caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .2rem; }
        th, td { padding: .25rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        th { font-weight: 600; background: var(--panel); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.items { width: 100%; }
        table.items td.text { min-width: 16rem; overflow-wrap: break-word; }
        table.counts th, table.counts td, td.nowrap { white-space: nowrap; }
        td.where { font-family: ui-monospace, monospace; font-size: .8rem; overflow-wrap: break-word; }
        a { color: var(--ontime); }
        .badge { font-weight: 600; white-space: nowrap; }
        .role-good { color: var(--good); } .role-bad { color: var(--bad); } .role-warning { color: var(--warning); }
        .role-dim { color: var(--dim); }
        details { margin-top: .2rem; font-size: .85rem; }
        summary { cursor: pointer; color: var(--muted); }
        ol.history { margin: .2rem 0; padding-left: 1.2rem; }
        ol.history .date { font-variant-numeric: tabular-nums; }
        ol.history .what { font-weight: 600; }
        bdi { unicode-bidi: isolate; }
        footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
        @media (max-width: 700px) {
          body { padding: 10px; font-size: 14px; }
          svg.chart { min-width: 520px; }
          .timeline > svg.chart { min-width: 600px; }
          table.items, table.items tbody, table.items tr, table.items td { display: block; width: 100%; }
          table.items thead { display: none; }
          table.items tr { border-bottom: 1px solid var(--rule); padding: .4rem 0; }
          table.items td { border: 0; padding: .05rem 0; }
          table.items td.text { min-width: 0; }
          table.items td::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
          table.items td.text::before { content: ""; }
        }
        @media print {
          :root { --bg: #ffffff; --ink: #000000; --muted: #444444; --panel: #ffffff; --open: #ffffff; --mark: #ffffff; }
          body { max-width: none; padding: 0; font-size: 11pt; }
          figure.chart-figure, table.counts, table.items tr, ul.legend { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .scroll, .chart-scroll { overflow: visible; }
          svg.chart { min-width: 0; }
          a { color: inherit; }
        }
        """
}
