// cairn's client-side search; no framework, no request outside the site.
// Served (SPEC 9.3): Pagefind's own pagefind.js (data-pagefind) loads its
// index in chunks, stems in the program's language, filters by year and
// kind, and gives excerpts with the match marked; the results are drawn
// here, in cairn's markup. Portable (cairn build --portable): browsers do not
// fetch files from file://, which Pagefind needs, so the index comes from
// search-index.js and is filtered here as you type, and links to folders
// name the file the page gives (data-portable).
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  var folderFile = script.getAttribute("data-portable") || "";
  var pagefindScript = script.getAttribute("data-pagefind");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pages = [];

  // The page's texts in its language (the JSON block the build writes for
  // any language but the built-in English, whose texts are these defaults).
  var TEXTS = {
    "search.type": "Type to search.", "search.none": "No results.",
    "search.unavailable": "The search index could not be loaded. Every page is also reachable from the sections below.",
    "search.year": "Year {list}", "search.years": "Years {list}",
    "search.type_n.one": "Type to search {n} page.", "search.type_n.other": "Type to search {n} pages.",
    "search.results.one": "{n} result", "search.results.other": "{n} results"
  };
  var LANG = "en";
  try {
    var given = JSON.parse(document.getElementById("cairn-texts").textContent);
    LANG = given.lang;
    for (var k in given.texts) { TEXTS[k] = given.texts[k]; }
  } catch (e) { /* no block: English */ }
  function text(key, args) {
    var t = TEXTS[key];
    for (var name in args || {}) { t = t.split("{" + name + "}").join(args[name]); }
    return t;
  }
  // A message that depends on `n`: its form for the language's CLDR plural
  // category (the browser's Intl.PluralRules), else `other`.
  function plural(key, n) {
    var cat = "other";
    try { cat = new Intl.PluralRules(LANG).select(n); } catch (e) { /* old browser */ }
    return text(TEXTS[key + "." + cat] !== undefined ? key + "." + cat : key + ".other", { n: n });
  }
  // What a result is ("session", or the index's English "Session"), in the
  // page's language; the English word when the page gives none.
  function kindLabel(k) {
    var own = TEXTS["kinds." + k.toLowerCase()];
    return own !== undefined ? own : k.charAt(0).toUpperCase() + k.slice(1);
  }
  function yearsLabel(years) {
    return text(years.length > 1 ? "search.years" : "search.year", { list: years.join(", ") });
  }

  if (pagefindScript) {
    served(pagefindScript);
    return;
  }

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
    list.setAttribute("data-query", query);
    if (!terms.length) { status.textContent = plural("search.type_n", pages.length); return; }
    var hits = pages.map(function (p) { return [score(p, terms), p]; })
      .filter(function (x) { return x[0] > 0; })
      .sort(function (a, b) { return b[0] - a[0] || a[1].t.localeCompare(b[1].t); })
      .slice(0, 50);
    status.textContent = hits.length ? plural("search.results", hits.length) : text("search.none");
    hits.forEach(function (x) {
      var p = x[1], li = document.createElement("li"), a = document.createElement("a");
      // The portable form names the file, before any #anchor.
      var cut = p.u.indexOf("#"), path = cut < 0 ? p.u : p.u.slice(0, cut), anchor = cut < 0 ? "" : p.u.slice(cut);
      a.href = root + path + (path === "" || path.slice(-1) === "/" ? folderFile : "") + anchor;
      a.textContent = p.t;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "detail";
      meta.textContent = " " + kindLabel(p.k) + (p.y ? " · " + yearsLabel(p.y) : "");
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
  }).catch(unavailable);

  function unavailable() {
    status.textContent = text("search.unavailable");
  }

  // The served form, through Pagefind's JavaScript API.
  function served(src) {
    var year = document.getElementById("search-year");
    var kind = document.getElementById("search-kind");
    var filterBox = document.querySelector(".search-filters");
    var params = new URLSearchParams(location.search);
    var asked = 0;
    var pagefind;

    function fill(select, values, label) {
      Object.keys(values || {}).sort(function (a, b) { return a.localeCompare(b, undefined, { numeric: true }); })
        .forEach(function (v) {
          var option = document.createElement("option");
          option.value = v;
          option.textContent = label(v);
          select.appendChild(option);
        });
    }

    // A result's address: Pagefind's is from the site's root ("/sessions/x/").
    function href(url) {
      return root + url.replace(/^\//, "");
    }

    function run() {
      var query = input.value.trim();
      var filters = {};
      if (year && year.value) filters.year = year.value;
      if (kind && kind.value) filters.kind = kind.value;
      var mine = ++asked;
      if (!query) {
        list.textContent = "";
        list.setAttribute("data-query", "");
        status.textContent = text("search.type");
        return;
      }
      pagefind.search(query, { filters: filters }).then(function (found) {
        if (mine !== asked) return null;
        return Promise.all(found.results.slice(0, 30).map(function (r) { return r.data(); }));
      }).then(function (results) {
        if (!results || mine !== asked) return;
        list.textContent = "";
        // Which query the list shows (the browser gate waits for it).
        list.setAttribute("data-query", input.value);
        status.textContent = results.length ? plural("search.results", results.length) : text("search.none");
        results.forEach(function (d) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = href(d.url);
          a.textContent = (d.meta && d.meta.title) || d.url;
          li.appendChild(a);
          var meta = document.createElement("span");
          meta.className = "detail";
          var years = (d.filters && d.filters.year) || [];
          meta.textContent = " " + ((d.meta && d.meta.label) || "") + (years.length ? " · " + yearsLabel(years) : "");
          li.appendChild(meta);
          if (d.excerpt) {
            var p = document.createElement("p");
            // Pagefind's excerpt is escaped text with the matches in <mark>.
            p.innerHTML = d.excerpt;
            li.appendChild(p);
          }
          list.appendChild(li);
        });
      }).catch(unavailable);
    }

    import(src).then(function (module) {
      pagefind = module;
      return pagefind.options({ baseUrl: "/", excerptLength: 24 });
    }).then(function () {
      return pagefind.filters();
    }).then(function (filters) {
      if (year && kind && filterBox) {
        var each = year.getAttribute("data-option") || "{n}";
        fill(year, filters.year, function (v) { return each.replace("{n}", v); });
        fill(kind, filters.kind, kindLabel);
        if (params.get("year")) year.value = params.get("year");
        if (params.get("kind")) kind.value = params.get("kind");
        filterBox.hidden = !(filters.year || filters.kind);
        year.parentNode.hidden = !filters.year;
        year.addEventListener("change", run);
        kind.addEventListener("change", run);
      }
      input.disabled = false;
      input.addEventListener("input", run);
      if (params.get("q")) input.value = params.get("q");
      run();
    }).catch(unavailable);
  }
})();
