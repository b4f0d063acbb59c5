/*
 * Mermaid settings for the site's diagrams, fitted to their content: the one copy.
 *
 * `window.plandocsDiagrams.config(sources, column)` returns the options for
 * `mermaid.initialize` (without `themeCSS`: colours are in theme.css next to this file) for the
 * diagram sources `sources`, drawn for a content column `column` pixels wide. Both paths call it:
 *   - at build time, src/plandocs/diagrams/renderer.py, once per diagram (its own source);
 *   - in the browser (PLANDOCS_DIAGRAMS=client), assets/javascripts/mermaid-theme.js, with
 *     every source of the page and the page's column.
 */
(() => {
  "use strict";

  // Helvetica and Arial first: they (and Liberation Sans, which Linux substitutes for both)
  // share their metrics, so labels measured where the diagram is drawn fit where it is read.
  // CJK glyphs are one em wide in every CJK font; Noto Sans CJK is the one the build has.
  const FONT = 'Helvetica, Arial, "Liberation Sans", "Noto Sans CJK SC", sans-serif';
  const GANTT_FONT_SIZE = 12;
  const RADAR_FONT_SIZE = 14;

  const canvas = document.createElement("canvas").getContext("2d");

  function widest(texts, size) {
    canvas.font = `${size}px ${FONT}`;
    return Math.ceil(Math.max(0, ...texts.map((text) => canvas.measureText(text).width)));
  }

  // Every line of every source of `type`.
  function lines(sources, type) {
    const start = new RegExp(`^\\s*${type}\\b`);
    return sources
      .filter((source) => start.test(source))
      .flatMap((source) => source.split("\n").map((line) => line.trim()));
  }

  // The quoted labels (or bare words) of a list such as `["a", "b"]` or `a["A"], b["B"]`.
  function labels(list) {
    return [...list.matchAll(/"([^"]*)"|([^\s",[\]{}]+)(?=\s*(?:,|\]|$))/g)].map((m) => m[1] ?? m[2]);
  }

  // The phone drawing of a diagram (src/plandocs/diagrams/phone.py) ends with this comment:
  // it is laid out for a phone's content column, whatever column the caller names.
  const PHONE_MARK = "%% plandocs: phone";
  const PHONE_COLUMN = 328;

  function config(sources, columnWidth) {
    const phone = sources.some((source) => source.trimEnd().endsWith(PHONE_MARK));
    const column = phone ? PHONE_COLUMN : Math.min(columnWidth || 700, 800);
    // Charts as wide as the column, within reason. Mermaid measures labels as drawn, so a
    // chart shrunk to fit a narrow column overflowed its own box: draw them 1:1
    // (`useMaxWidth: false`) and let a narrower column scroll (diagrams.css). Mermaid always
    // shrinks an xychart to fit: draw it exactly as wide as the column.
    const width = phone ? column : Math.max(column, 500);

    // Gantt: Mermaid draws it as wide as the page body, and Material then shrank it (and its
    // 11px text) into the column; it leaves 75px for section titles, which ran into the bars.
    // Leave room for the longest section title, and a chart at least twice as wide as the
    // longest task label (narrower, Mermaid puts labels left of their bar, over the titles).
    const gantt = lines(sources, "gantt");
    // A section title's lines (Mermaid breaks it at `<br>`), measured one by one.
    const sections = gantt
      .filter((l) => l.startsWith("section "))
      .flatMap((l) => l.slice(8).split(/<br\s*\/?>/i));
    const tasks = gantt
      .filter((l) => l.includes(":") && !/^(accTitle|accDescr|title|section)\b/.test(l))
      .map((l) => l.slice(0, l.indexOf(":")).trim());
    const leftPadding = Math.max(75, widest(sections, GANTT_FONT_SIZE) + 20);
    const rightPadding = 40;
    const chart = Math.max(400, 2 * widest(tasks, GANTT_FONT_SIZE));

    // xychart: slant the category labels when the widest would not fit under its bar, and
    // steeply when the bars are close (the plot is the column less the y axis and legend).
    const rotation = Math.min(
      0,
      ...lines(sources, "xychart-beta")
        .filter((l) => l.startsWith("x-axis") && l.includes("["))
        .map((l) => labels(l.slice(l.indexOf("[") + 1, l.lastIndexOf("]"))))
        .map((names) => {
          const spacing = (column - 150) / names.length;
          return widest(names, 14) + 6 <= spacing ? 0 : spacing < 45 ? -60 : -30;
        }),
    );

    // Radar: axis labels and legend sit outside the circle, beyond Mermaid's 50px margins;
    // the legend starts 3/4 of the way from the centre to the edge.
    const radar = lines(sources, "radar-beta");
    const axes = radar.filter((l) => l.startsWith("axis ")).flatMap((l) => labels(l.slice(5)));
    const curves = radar
      .filter((l) => l.startsWith("curve "))
      .flatMap((l) => labels(l.slice(6, l.indexOf("{"))));
    const radius = phone ? 60 : 220;
    // On a phone the legend may run over the margin: the drawing grows to hold it.
    const side = Math.max(
      50,
      widest(axes, RADAR_FONT_SIZE) + 30,
      phone ? 0 : 4 * (widest(curves, RADAR_FONT_SIZE) + 24) - radius,
    );

    return {
      // Labels as SVG <text>, not HTML in <foreignObject>: real text that prints well.
      htmlLabels: false,
      fontFamily: FONT,
      // On a phone, labels wrap narrower and nodes sit closer, so that a drawing shrunk into
      // the column keeps its labels at 9px or more.
      flowchart: phone
        ? { htmlLabels: false, useMaxWidth: false, wrappingWidth: 104, nodeSpacing: 12,
            rankSpacing: 22, padding: 6, subGraphTitleMargin: { top: 2, bottom: 2 } }
        : { htmlLabels: false, useMaxWidth: false, wrappingWidth: 150 },
      gantt: {
        useMaxWidth: false,
        // Not in Mermaid's documented options, but read by its gantt renderer.
        useWidth: Math.max(width, leftPadding + chart + rightPadding),
        leftPadding,
        rightPadding,
        fontSize: GANTT_FONT_SIZE,
        sectionFontSize: GANTT_FONT_SIZE,
        barHeight: 22,
      },
      // On a phone, the legend goes under the pie (beside it, it was cut off).
      pie: phone ? { useMaxWidth: false, legendPosition: "bottom" } : { useMaxWidth: false },
      // Shrunk into the column, a mind map's labels were drawn at 6px, a flowchart's at 10px.
      mindmap: { useMaxWidth: false, padding: 6, maxNodeWidth: 120 },
      xyChart: { width: column, xAxis: { labelRotation: rotation } },
      // Wider than tall: the point labels of a crowded chart overlap less.
      quadrantChart: { useMaxWidth: false, chartWidth: width },
      radar: {
        curveTension: 0,
        width: 2 * radius,
        height: 2 * radius,
        marginTop: 40,
        marginBottom: 40,
        marginLeft: side,
        marginRight: side,
      },
    };
  }

  window.plandocsDiagrams = { FONT, config };
})();
