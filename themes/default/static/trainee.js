// cairn's trainee view, in the browser because it depends on today's date
// (SPEC 7: nothing in the build does). It marks past sessions and due items,
// remembers the reader's track year on this device only (localStorage; no
// cookie, nothing sent anywhere) and fills "Next up" from the schedule the
// page carries. Without JavaScript every page shows the whole year in order.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  // In the portable form the page names the file a link to a folder ends
  // with (data-portable, written by cairn from its one portable-link rule);
  // elsewhere a folder's link stays a folder.
  var folderFile = script.getAttribute("data-portable") || "";
  var KEY = "cairn-my-year:" + (script.getAttribute("data-site") || "");

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());

  // The header's menus ("Years", "More") are <details>: open without
  // JavaScript; here Escape closes the open one (focus back on its
  // summary) and a click elsewhere closes them all, as a menu does.
  function closeMenus(except) {
    var open = document.querySelectorAll("details.nav-menu[open]");
    for (var i = 0; i < open.length; i++) {
      if (open[i] !== except) { open[i].removeAttribute("open"); }
    }
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    var menu = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("details.nav-menu[open]") : null;
    closeMenus(null);
    if (menu) { menu.querySelector("summary").focus(); }
  });
  document.addEventListener("click", function (e) {
    closeMenus(e.target.closest ? e.target.closest("details.nav-menu") : null);
  });

  function href(url) {
    return root + url + (url === "" || url.slice(-1) === "/" ? folderFile : "");
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }
  function link(url, text) {
    var a = el("a", "", text);
    a.href = href(url);
    return a;
  }

  // Past sessions and due items: marked, not hidden.
  var marked = document.querySelectorAll("[data-end]");
  for (var i = 0; i < marked.length; i++) {
    if (marked[i].getAttribute("data-end") < today) {
      marked[i].classList.add("is-past");
      var tag = marked[i].querySelector(".tag-past");
      if (tag) { tag.hidden = false; }
    }
  }

  // A session's feedback survey is offered once the session has ended.
  var nowIso = today + "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  var surveys = document.querySelectorAll("[data-feedback-after]");
  for (var f = 0; f < surveys.length; f++) {
    if (surveys[f].getAttribute("data-feedback-after") <= nowIso) { surveys[f].hidden = false; }
  }

  function storedYear() {
    try { return localStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }
  function storeYear(year) {
    try { localStorage.setItem(KEY, year); } catch (e) { /* private mode: not remembered */ }
  }

  // What to prepare for session `s`: its readings, prompts and the self-paced
  // work due by its end; each link's href goes into `listed`, so that "Due
  // next" does not list it a second time (the first screen is short).
  // The page's texts in its language (a JSON block the build writes for any
  // language but the built-in English, whose texts are these defaults).
  var TEXTS = {
    read: "Read", reflect: "Reflect", self_paced: "Self-paced", due: " (due {date})",
    to_prepare: "To prepare", none: "There are no more sessions this academic year.",
    see_syllabus: "See the whole syllabus", join_online: "Join online", due_next: "Due next",
    upcoming: "Upcoming sessions", "next.one": "The next session.", "next.other": "The next {n} sessions."
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

  function prepare(s, due, listed) {
    var items = [];
    (s.readings || []).forEach(function (r) {
      items.push([link(r.url, r.title), r.detail ? " (" + r.detail + ")" : "", text("read")]);
    });
    (s.prompts || []).forEach(function (p) {
      items.push([link(p.url, p.title), p.due_label ? text("due", { date: p.due_label }) : "", text("reflect")]);
    });
    due.forEach(function (d) {
      if (d.kind_label === text("self_paced") && d.date_iso <= s.end) {
        items.push([link(d.url, d.title), text("due", { date: d.date_label }), text("self_paced")]);
      }
    });
    if (!items.length) { return null; }
    items.forEach(function (it) { listed[it[0].getAttribute("href")] = true; });
    var box = el("div", "next-prepare");
    box.appendChild(el("h4", "", text("to_prepare")));
    var ul = el("ul");
    items.forEach(function (it) {
      var li = el("li");
      li.appendChild(el("span", "tag", it[2]));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(it[0]);
      if (it[1]) { li.appendChild(el("span", "detail", it[1])); }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  function fillNextUp(section, year) {
    var data;
    try { data = JSON.parse(section.querySelector(".cairn-schedule").textContent); } catch (e) { return; }
    var body = section.querySelector(".next-up-body");
    body.textContent = "";
    var mine = function (x) { return !year || (x.years || []).indexOf(Number(year)) >= 0; };
    var upcoming = data.sessions.filter(function (s) { return s.end >= today && mine(s); });
    var due = data.due.filter(function (d) { return d.date_iso >= today && mine(d); });
    var listed = {};
    if (!upcoming.length) {
      var p = el("p", "next-none", text("none") + " ");
      p.appendChild(link(data.syllabus, text("see_syllabus")));
      p.appendChild(document.createTextNode("."));
      body.appendChild(p);
    } else {
      var s = upcoming[0];
      var card = el("article", "next-session");
      var h = el("h3", "next-title");
      h.appendChild(link(s.url, s.title));
      card.appendChild(h);
      card.appendChild(el("p", "session-when", s.date + (s.time ? " · " + s.time : "")));
      if (s.location || s.online) {
        var place = el("p", "session-place");
        if (s.location) { place.appendChild(el("span", "place", s.location)); }
        if (s.location && s.online) { place.appendChild(document.createTextNode(" · ")); }
        if (s.online) { var a = el("a", "", text("join_online")); a.href = s.online; place.appendChild(a); }
        card.appendChild(place);
      }
      var prep = prepare(s, due, listed);
      if (prep) { card.appendChild(prep); }
      body.appendChild(card);
    }
    var soon = due.filter(function (d) { return !listed[href(d.url)]; }).slice(0, 4);
    if (soon.length) {
      body.appendChild(el("h3", "next-due-heading", text("due_next")));
      var ul = el("ul", "due-list");
      soon.forEach(function (d) {
        var li = el("li");
        li.appendChild(el("span", "due-date", d.date_label));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(link(d.url, d.title));
        li.appendChild(el("span", "detail", " " + d.kind_label + (d.detail ? ", " + d.detail : "")));
        ul.appendChild(li);
      });
      body.appendChild(ul);
    }
    section.hidden = false;
  }

  function apply(year) {
    var lists = document.querySelectorAll("[data-years]");
    for (var i = 0; i < lists.length; i++) {
      var years = lists[i].getAttribute("data-years").split(" ");
      lists[i].classList.toggle("not-my-year", year !== "" && years.indexOf(year) < 0);
    }
    // The home page's list: the next five sessions of the reader's year.
    var list = document.getElementById("session-list");
    if (list) {
      var shown = 0;
      for (var k = 0; k < list.children.length; k++) {
        var li = list.children[k];
        var show = li.getAttribute("data-date") >= today && !li.classList.contains("not-my-year") && shown < 5;
        if (show) { shown++; }
        li.hidden = !show;
      }
      document.getElementById("sessions-heading").textContent = text("upcoming");
      document.getElementById("sessions-note").textContent = shown === 0
        ? text("none")
        : plural("next", shown);
    }
    var sections = document.querySelectorAll(".next-up");
    for (var j = 0; j < sections.length; j++) {
      fillNextUp(sections[j], sections[j].getAttribute("data-year") || year);
    }
  }

  var year = storedYear();
  var choices = document.querySelectorAll(".year-choice");
  for (var c = 0; c < choices.length; c++) {
    var radios = choices[c].querySelectorAll("input[name=my-year]");
    for (var r = 0; r < radios.length; r++) {
      radios[r].checked = radios[r].value === year;
      radios[r].addEventListener("change", function (e) {
        year = e.target.value;
        storeYear(year);
        apply(year);
      });
    }
    choices[c].hidden = false;
    // A reader who chose a year before sees their next session first: the
    // choice moves below Next up (on load only, never under the pointer).
    var box = choices[c].parentNode;
    if (year && box.classList.contains("next-up")) { box.appendChild(choices[c]); }
  }
  apply(year);
})();
