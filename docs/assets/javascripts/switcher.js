// The language switcher keeps the reader's place: both languages share their anchors, so the
// link to the other language carries the section the reader is at (`#…`), also after a jump.
(function () {
  "use strict";
  function keepSection() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href") || "";
      links[i].setAttribute("href", href.split("#")[0] + window.location.hash);
    }
  }
  keepSection();
  window.addEventListener("hashchange", keepSection);
})();
