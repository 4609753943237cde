// cairn's client-side search: fetches search-index.json from this site and
// filters it as you type. No framework, no request outside the site. In the
// portable form (cairn build --portable) the index comes from
// search-index.js instead, since browsers do not fetch files from file://,
// and links to folders name the file the page gives (data-portable).
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  var folderFile = script.getAttribute("data-portable") || "";
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pages = [];

  // Apostrophes join a word's parts ("don't", "don’t" and "dont" are one
  // word) before the text is cut at every other non-letter.
  function words(s) {
    return s.replace(/['\u2018\u2019\u02bc]/g, "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  }

  function score(page, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], best = 0;
      if (page._t.indexOf(t) >= 0) best = 10;
      else if (page._h.indexOf(t) >= 0) best = 5;
      else if (page._s.indexOf(t) >= 0) best = 3;
      else if (page._e.indexOf(t) >= 0) best = 1;
      if (!best) return 0;
      total += best;
    }
    return total;
  }

  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (!terms.length) { status.textContent = "Type to search " + pages.length + " pages."; return; }
    var hits = pages.map(function (p) { return [score(p, terms), p]; })
      .filter(function (x) { return x[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0] || a[1].t.localeCompare(b[1].t); })
      .slice(0, 50);
    status.textContent = hits.length ? hits.length + (hits.length === 1 ? " result" : " results") : "No results.";
    hits.forEach(function (x) {
      var p = x[1], li = document.createElement("li"), a = document.createElement("a");
      // The portable form names the file, before any #anchor.
      var cut = p.u.indexOf("#"), path = cut < 0 ? p.u : p.u.slice(0, cut), anchor = cut < 0 ? "" : p.u.slice(cut);
      a.href = root + path + (path === "" || path.slice(-1) === "/" ? folderFile : "") + anchor;
      a.textContent = p.t;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "detail";
      meta.textContent = " " + p.k + (p.y ? " · " + (p.y.length > 1 ? "Years " : "Year ") + p.y.join(", ") : "");
      li.appendChild(meta);
      if (p.s || p.e) {
        var d = document.createElement("p");
        d.textContent = p.s || p.e;
        li.appendChild(d);
      }
      list.appendChild(li);
    });
  }

  var loaded = window.cairnSearchIndex
    ? Promise.resolve(window.cairnSearchIndex)
    : fetch(root + "search-index.json").then(function (r) { return r.json(); });
  loaded.then(function (index) {
    pages = index.pages.map(function (p) {
      p._t = words(p.t).join(" ");
      p._h = words((p.h || []).join(" ")).join(" ");
      p._s = words(p.s || "").join(" ");
      p._e = words(p.e || "").join(" ");
      return p;
    });
    input.disabled = false;
    input.addEventListener("input", function () { show(input.value); });
    var q = new URLSearchParams(location.search).get("q");
    if (q) input.value = q;
    show(input.value);
  }).catch(function () {
    status.textContent = "The search index could not be loaded. Every page is also reachable from the sections below.";
  });
})();
