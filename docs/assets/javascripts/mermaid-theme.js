/*
 * Client-side Mermaid (PLANDOCS_DIAGRAMS=client, or no browser at build time): the same
 * settings and colours as the diagrams pre-rendered at build time.
 *
 * Material calls `mermaid.initialize` with its own `themeCSS` (it themes flowchart, sequence,
 * class, state and ER diagrams), then `mermaid.render` once per diagram. This script wraps both:
 * the first render waits for assets/diagrams/theme.css (the colour rules the build-time renderer
 * uses too), then initializes Mermaid with Material's options, the site's layout
 * (assets/diagrams/layout.js, fitted to this page's diagrams and column) and both themeCSS.
 *
 * Loaded after assets/vendor/mermaid.min.js and assets/diagrams/layout.js, and before
 * Material's bundle (overrides/main.html).
 */
(() => {
  "use strict";

  const mermaid = window.mermaid;
  const diagrams = window.plandocsDiagrams;
  if (!mermaid || typeof mermaid.initialize !== "function" || !diagrams) {
    return;
  }

  // The sources and the column, read before Material replaces the blocks.
  const sources = [...document.querySelectorAll("pre.mermaid")].map((pre) => pre.textContent);
  const content = document.querySelector(".md-content .md-typeset");
  const column = content ? content.clientWidth : 700;
  const themeUrl = new URL("../diagrams/theme.css", document.currentScript.src);
  const theme = fetch(themeUrl)
    .then((response) => (response.ok ? response.text() : ""))
    .catch(() => "");

  const initialize = mermaid.initialize.bind(mermaid);
  const render = mermaid.render.bind(mermaid);
  let options = {};
  let ready = null;

  mermaid.initialize = (config = {}) => {
    options = config;
    ready = null;
  };

  mermaid.render = async (...args) => {
    ready ??= theme.then((css) => {
      const own = diagrams.config(sources, column);
      const merged = { ...options, ...own, themeCSS: `${options.themeCSS || ""}\n${css}` };
      for (const [key, value] of Object.entries(own)) {
        if (value && typeof value === "object" && options[key]) {
          merged[key] = { ...value, ...options[key] };
        }
      }
      initialize(merged);
    });
    await ready;
    return render(...args);
  };
})();
