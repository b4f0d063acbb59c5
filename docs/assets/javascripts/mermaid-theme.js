/*
 * Readable Mermaid diagrams on both of Material's colour schemes.
 *
 * Material themes only flowchart, sequence, class, state and ER diagrams, through the
 * `themeCSS` it passes to `mermaid.initialize`. Gantt, pie, quadrantChart, xychart-beta and
 * radar-beta keep Mermaid's light "default" theme: on the dark (slate) scheme their labels were
 * dark on dark, or light on light fills. This script wraps `mermaid.initialize` to
 *   1. append colour rules for those five diagram types to Material's `themeCSS`;
 *   2. adjust their layout to the content column (see `layout` below).
 *
 * Colours use only Material's CSS custom properties, which inherit into the closed shadow root
 * each diagram is drawn in: the same rules work on both schemes, and follow a scheme switch
 * without re-rendering.
 *   - text:  --md-default-fg-color (near black on light, near white on slate);
 *   - fills: a hue mixed with --md-default-bg-color, a pale tint on light and a deep one on
 *            slate; text in --md-default-fg-color keeps >= 4.5:1 on a 30% tint of any hue;
 *   - lines: --md-default-fg-color--lighter and --lightest.
 * Mermaid sets many of these colours as SVG attributes or inline styles; `!important` beats
 * inline styles and Material's own `text:not([class]):last-child` rule.
 *
 * Mermaid prefixes every rule with the diagram's id (`#id rule`), so a rule cannot test the
 * diagram type on the <svg> itself: selectors rely on class names that only one diagram type
 * uses, or on siblings (`.quadrants ~ .labels`).
 *
 * Loaded after assets/vendor/mermaid.min.js and before Material's bundle (overrides/main.html).
 */
(() => {
  "use strict";

  const mermaid = window.mermaid;
  if (!mermaid || typeof mermaid.initialize !== "function") {
    return;
  }

  /* 1. Colours ------------------------------------------------------------------------- */

  const TEXT = "var(--md-default-fg-color)";
  const BG = "var(--md-default-bg-color)";
  const LINE = "var(--md-default-fg-color--lighter)";
  const FAINT = "var(--md-default-fg-color--lightest)";
  // Series colours: the accent colour (as Material's own flowchart nodes), then hues of
  // Material's admonitions.
  const HUES = ["var(--md-accent-fg-color)", "#ff9100", "#00bfa5", "#f50057", "#7c4dff", "#64dd17"];

  // `percent` of `hue` mixed into the page background.
  const tint = (hue, percent) => `color-mix(in srgb, ${hue} ${percent}%, ${BG})`;
  // One rule per series colour: `rule(hue, i)` gives the CSS for series i (0-based).
  const perHue = (rule) => HUES.map(rule).join("\n");
  const N = HUES.length;
  const GANTT_FONT_SIZE = 12;
  const RADAR_FONT_SIZE = 14;

  const css = `
    /* Labels of the five diagram types. */
    .taskText[class], .taskTextOutsideLeft[class], .taskTextOutsideRight[class],
    .sectionTitle, .titleText, .grid .tick text, .vertText,
    .slice, .pieTitleText, .legend text,
    .quadrant text, .data-point text, .quadrants ~ .labels text, .quadrants ~ .title text,
    .main > .background ~ * text, /* xychart */
    .radarAxisLabel, .radarLegendText, .radarTitle {
      fill: ${TEXT} !important;
    }

    /* Gantt: every other section shaded, one hue per section, tick labels slanted. */
    rect.section { opacity: 1; }
    .section0, .section2 { fill: ${FAINT}; }
    .section1, .section3 { fill: transparent; }
    .grid .tick { opacity: 1; }
    .grid .tick line { stroke: ${FAINT}; }
    .grid .tick text {
      font-size: 11px; text-anchor: end !important;
      transform-box: fill-box; transform-origin: 100% 0; transform: rotate(-30deg);
    }
    .exclude-range { fill: ${FAINT}; }
    ${perHue((hue, i) => (i < 4 ? `.task${i}, .active${i} { fill: ${tint(hue, 30)}; stroke: ${hue}; }` : ""))}
    /* Done tasks greyed, critical ones (crit, activeCrit, doneCrit) outlined in red. */
    rect.task[class*="done"] { fill: ${FAINT} !important; stroke: ${LINE} !important; }
    rect.task[class*="crit"], rect.task[class*="Crit"] { stroke: #ff5252 !important; }

    /* Pie: tinted slices parted by the page background. Slices count among the drawn ones,
       legend entries among all: they differ only when a slice under 1% is left out. */
    .pieCircle { opacity: 1; stroke: ${BG}; stroke-width: 2px; }
    .pieOuterCircle { stroke: ${LINE}; stroke-width: 1px; }
    ${perHue((hue, i) => `
      .pieCircle:nth-of-type(${N}n+${i + 1}) { fill: ${tint(hue, 30)}; }
      .pieTitleText ~ .legend:nth-of-type(${N}n+${i + 2}) rect {
        fill: ${tint(hue, 30)} !important; stroke: ${hue} !important;
      }`)}

    /* Quadrant chart: quadrant 1 (top right) darkest, 3 palest; point labels get a halo of
       the page background where they cross lines or other labels. Mermaid puts quadrant
       titles at the top of their quadrant, where the labels of points on the middle line
       (y = 0.5, common in risk matrices) fall: move the lower two to the bottom (38% of the
       chart's height, just under a quadrant's height). */
    .quadrant:nth-child(1) rect { fill: ${tint(HUES[0], 24)}; }
    .quadrant:nth-child(2) rect, .quadrant:nth-child(4) rect { fill: ${tint(HUES[0], 12)}; }
    .quadrant:nth-child(3) rect { fill: ${tint(HUES[0], 4)}; }
    .quadrant:nth-child(n+3) text { transform-box: view-box; translate: 0 38%; }
    .quadrants ~ .border line { stroke: ${LINE} !important; }
    .data-point circle { fill: ${TEXT}; stroke: ${BG}; stroke-width: 1px; }
    .data-point text {
      paint-order: stroke; stroke: ${BG}; stroke-width: 2px; stroke-linejoin: round;
    }

    /* xychart: no white background, tinted bars, lines in full colour, muted axes. */
    .main > .background { fill: transparent; }
    [class$="-axis"] path { stroke: ${LINE}; }
    ${perHue((hue, i) => `
      .bar-plot-${i} rect, .legend .markers > :nth-child(${i + 1}) {
        fill: ${tint(hue, 40)}; stroke: ${hue}; stroke-width: 1px;
      }
      .line-plot-${i} path, .legend .markers > path:nth-child(${i + 1}) {
        fill: none; stroke: ${hue}; stroke-width: 3px;
      }`)}

    /* Radar: faint graticule, muted axes, translucent curves. */
    .radarGraticule { fill: transparent; stroke: ${FAINT}; stroke-width: 1px; }
    .radarAxisLine { stroke: ${LINE}; }
    .radarAxisLabel, .radarLegendText { font-size: ${RADAR_FONT_SIZE}px; }
    ${perHue((hue, i) => `
      .radarCurve-${i}, .radarLegendBox-${i} {
        fill: ${hue}; fill-opacity: 0.25; stroke: ${hue}; stroke-width: 2px;
      }`)}
  `;

  /* 2. Layout -------------------------------------------------------------------------- */

  // Widths are measured on the diagram sources of the page (Material has not replaced them
  // yet when it calls `initialize`), with Mermaid's default font.
  const FONT = '"trebuchet ms", verdana, arial, sans-serif';
  const canvas = document.createElement("canvas").getContext("2d");

  function widest(texts, size) {
    canvas.font = `${size}px ${FONT}`;
    return Math.ceil(Math.max(0, ...texts.map((text) => canvas.measureText(text).width)));
  }

  // Every line of every diagram of `type` on the page.
  function lines(type) {
    const start = new RegExp(`^\\s*${type}\\b`);
    return [...document.querySelectorAll(".md-content pre")]
      .map((pre) => pre.textContent)
      .filter((source) => start.test(source))
      .flatMap((source) => source.split("\n").map((line) => line.trim()));
  }

  // The quoted labels (or bare words) of a list such as `["a", "b"]` or `a["A"], b["B"]`.
  function labels(list) {
    return [...list.matchAll(/"([^"]*)"|([^\s",[\]{}]+)(?=\s*(?:,|\]|$))/g)].map((m) => m[1] ?? m[2]);
  }

  function layout() {
    const content = document.querySelector(".md-content .md-typeset");
    const column = Math.min(content ? content.clientWidth : 700, 800);
    // Charts as wide as the column, within reason. Mermaid measures labels as drawn, so a
    // chart shrunk to fit a narrow column overflowed its own box: draw them 1:1
    // (`useMaxWidth: false`) and let a narrower column scroll (diagrams.css). Mermaid always
    // shrinks an xychart to fit: draw it exactly as wide as the column.
    const width = Math.max(column, 500);

    // Gantt: Mermaid draws it as wide as the page body, and Material then shrank it (and its
    // 11px text) into the column; it leaves 75px for section titles, which ran into the bars.
    // Leave room for the longest section title, and a chart at least twice as wide as the
    // longest task label (narrower, Mermaid puts labels left of their bar, over the titles).
    const gantt = lines("gantt");
    const sections = gantt.filter((l) => l.startsWith("section ")).map((l) => l.slice(8));
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
      ...lines("xychart-beta")
        .filter((l) => l.startsWith("x-axis") && l.includes("["))
        .map((l) => labels(l.slice(l.indexOf("[") + 1, l.lastIndexOf("]"))))
        .map((names) => {
          const spacing = (column - 150) / names.length;
          return widest(names, 14) + 6 <= spacing ? 0 : spacing < 45 ? -60 : -30;
        }),
    );

    // Radar: axis labels and legend sit outside the circle, beyond Mermaid's 50px margins;
    // the legend starts 3/4 of the way from the centre to the edge.
    const radar = lines("radar-beta");
    const axes = radar.filter((l) => l.startsWith("axis ")).flatMap((l) => labels(l.slice(5)));
    const curves = radar
      .filter((l) => l.startsWith("curve "))
      .flatMap((l) => labels(l.slice(6, l.indexOf("{"))));
    const radius = 220;
    const side = Math.max(
      50,
      widest(axes, RADAR_FONT_SIZE) + 30,
      4 * (widest(curves, RADAR_FONT_SIZE) + 24) - radius,
    );

    return {
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
      pie: { useMaxWidth: false },
      xyChart: { width: column, xAxis: { labelRotation: rotation } },
      // Wider than tall: the point labels of a crowded chart overlap less.
      quadrantChart: { useMaxWidth: false, chartWidth: width },
      radar: {
        width: 2 * radius,
        height: 2 * radius,
        marginTop: 40,
        marginBottom: 40,
        marginLeft: side,
        marginRight: side,
      },
    };
  }

  const initialize = mermaid.initialize;
  mermaid.initialize = (config = {}) => {
    const own = layout();
    const merged = { ...config, themeCSS: `${config.themeCSS || ""}\n${css}` };
    for (const [type, settings] of Object.entries(own)) {
      merged[type] = { ...settings, ...config[type] };
    }
    return initialize.call(mermaid, merged);
  };
})();
