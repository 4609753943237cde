#!/usr/bin/env node
// Browser accessibility gate for a built cairn site.
//
//   node a11y.mjs SITE_FOLDER
//
// Serves SITE_FOLDER on 127.0.0.1, opens every index.html and 404.html in
// headless Chromium at 1280x900 and 390x844, in light and dark colour
// schemes, and runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules: 2.2 AA is the floor) on each. It also
// fails on:
//   - any request to a host other than 127.0.0.1 (aborted, never sent),
//   - a local request answered with an error status (a broken asset link),
//   - an uncaught JavaScript error on a page,
//   - a page without exactly one <h1> (its title; counted once per page, in
//     the first configuration, since the count does not depend on it),
//   - theme colours that axe cannot see: visited and hovered link text
//     (4.5:1) and the focus outline (3:1) against the theme's backgrounds;
//     a variable unset, not a colour, translucent, or in a form this check
//     cannot read is a finding too, never a pair skipped;
//   - colour contrast axe leaves "incomplete" (it could not decide: text
//     over another element, a glyph, translucent colours): each such node
//     is judged here with the colours Chromium computes, its text colour
//     over the backgrounds painted under it (the elements under its first
//     line's middle, else its ancestors), and fails under 4.5:1 (3:1 for
//     large text: 24 px, or 18.66 px bold). Only a node whose background
//     cannot be known (a background image or gradient under it) passes
//     unjudged; the summary says how many.
// Exit 0 with a one-line summary when everything passes, 1 with a report
// otherwise, 2 on a usage error.
//
// Environment: CHROMIUM (default /usr/bin/chromium), A11Y_CONCURRENCY
// (pages open at once per context, default 2), A11Y_JSON (write the full
// findings as JSON to this file, with the contrast judged of each node axe
// left undecided), A11Y_ONLY (substring: check only pages
// whose path contains it), A11Y_TAGS (comma-separated axe tags to run
// instead of the WCAG 2.0/2.1/2.2 A and AA set, e.g. "best-practice").

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, isLocal, listPages, requireChromium, serve } from "./serve.mjs";
import { contrast, flatten, parseColour, toHex } from "./colour.mjs";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");
const AXE_SOURCE = fs.readFileSync(AXE_PATH, "utf8");
const AXE_VERSION = require("axe-core/package.json").version;

const TAGS = process.env.A11Y_TAGS
  ? process.env.A11Y_TAGS.split(",").map((t) => t.trim()).filter(Boolean)
  : ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]; // axe-core has no wcag22a rule
const VIEWPORTS = [
  { name: "1280x900", width: 1280, height: 900, mobile: false },
  { name: "390x844", width: 390, height: 844, mobile: true },
];
const SCHEMES = ["light", "dark"];
const CONCURRENCY = Math.max(1, Number(process.env.A11Y_CONCURRENCY || 2));

// Extra states worth checking: the search page with results shown, for a
// word the site's search index holds ("bias" when a title has it, else the
// first long word of the first title).
function searchWord(root) {
  try {
    const titles = JSON.parse(fs.readFileSync(path.join(root, "search-index.json"), "utf8")).pages.map((p) => p.t.toLowerCase());
    if (titles.some((t) => t.includes("bias"))) return "bias";
    return (titles.join(" ").match(/[a-z]{4,}/) || ["bias"])[0];
  } catch {
    return "bias";
  }
}
const EXTRA = (root) => [{ path: `/search/?q=${searchWord(root)}`, when: "/search/", ready: "#search-results li" }];

function usage(msg) {
  if (msg) console.error(`a11y: ${msg}`);
  console.error("usage: node a11y.mjs SITE_FOLDER");
  process.exit(2);
}

// Colours that only show in states axe cannot inspect (:visited is hidden
// from scripts by design, :hover and :focus-visible need interaction).
const THEME_PAIRS = [
  ...["--bg", "--bg-soft", "--bg-header", "--callout-bg"].flatMap((bg) => [
    { fg: "--link-visited", bg, min: 4.5, what: "visited link text" },
    { fg: "--link-hover", bg, min: 4.5, what: "hovered link text" },
    { fg: "--focus", bg, min: 3, what: "focus outline" },
  ]),
];

// In the page: each theme variable's text and the colour Chromium computes
// for it ("" when the variable is unset, null when it is not a colour).
function readThemeVars(names) {
  const cs = getComputedStyle(document.documentElement);
  const probe = document.createElement("div");
  document.body.append(probe);
  const out = {};
  for (const n of names) {
    const raw = cs.getPropertyValue(n).trim();
    probe.style.color = "";
    if (raw) probe.style.color = raw;
    out[n] = { raw, computed: raw && probe.style.color ? getComputedStyle(probe).color : null };
  }
  probe.remove();
  return out;
}

// A variable the theme does not set, or sets to something that is not a
// plain opaque colour, is a finding: the pair cannot be judged, and an
// unjudged pair must not pass.
function checkTheme(vars) {
  const out = [];
  const finding = (pair, html, summary) =>
    out.push({
      id: "theme-contrast",
      impact: "serious",
      help: "theme colours axe cannot see (visited and hovered link text 4.5:1, the focus outline 3:1) must reach their contrast against each background",
      target: [`${pair.what}: ${pair.fg} on ${pair.bg}`],
      html,
      summary,
    });
  for (const pair of THEME_PAIRS) {
    const colour = (name) => {
      const v = vars[name];
      if (!v || !v.raw) return { error: `${name} is not set` };
      if (!v.computed) return { error: `${name} is not a colour: "${v.raw}"` };
      const c = parseColour(v.computed);
      if (!c) return { error: `${name} ("${v.raw}", computed "${v.computed}") is not a colour this check can read (hex, rgb() or color(srgb))` };
      if (c[3] < 1) return { error: `${name} ("${v.raw}") is translucent: its contrast depends on what lies under it` };
      return { rgb: c.slice(0, 3) };
    };
    const fg = colour(pair.fg);
    const bg = colour(pair.bg);
    const html = `${vars[pair.fg]?.raw || "(unset)"} on ${vars[pair.bg]?.raw || "(unset)"}`;
    if (fg.error || bg.error) {
      finding(pair, html, `cannot judge: ${[fg.error, bg.error].filter(Boolean).join("; ")}`);
      continue;
    }
    const ratio = contrast(fg.rgb, bg.rgb);
    if (ratio + 1e-9 < pair.min) finding(pair, html, `contrast ${ratio.toFixed(2)}:1, needs ${pair.min}:1`);
  }
  return out;
}

// Colour contrast that axe leaves incomplete (it found text it could not
// decide on): judged here from the colours Chromium computes.
const CONTRAST_RULES = new Set(["color-contrast"]);
const LARGE_PX = 24; // 18 pt
const LARGE_BOLD_PX = 18.66; // 14 pt, bold

// In the page: for each element axe left undecided (window.__a11yContrast,
// set right after axe ran), its text colour, the opacity it is painted
// with, and the layers under its text, topmost first: the elements under
// the middle of its first line box (elementsFromPoint: what is painted
// there, positioned or not), or its ancestors when that point does not hit
// it. A layer is { colour, opacity } (an SVG shape's fill, a box's
// background colour) or { unknown } (a background image, a gradient or
// pattern fill): what lies under that cannot be known from colours.
function readContrastNodes() {
  const probe = document.createElement("div");
  probe.style.backgroundColor = "Canvas";
  document.body.append(probe);
  const canvas = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const SHAPES = new Set(["circle", "ellipse", "rect", "path", "polygon", "polyline", "line"]);
  const name = (e) => e.localName + (e.id ? `#${e.id}` : "") + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const nodes = window.__a11yContrast || [];
  delete window.__a11yContrast;
  return nodes.map((el) => {
    if (!el || !el.isConnected) return { missing: true };
    const cs = getComputedStyle(el);
    const svgText = el instanceof SVGElement && el.localName !== "svg";
    let opacity = 1;
    for (let a = el; a; a = a.parentElement) opacity *= parseFloat(getComputedStyle(a).opacity);
    if (svgText) opacity *= parseFloat(cs.fillOpacity);
    el.scrollIntoView({ block: "center", inline: "center" });
    const r = el.getClientRects()[0];
    const stack = r ? document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2) : [];
    const at = stack.indexOf(el);
    const under = [];
    if (at >= 0) under.push(...stack.slice(at));
    else for (let a = el; a; a = a.parentElement) under.push(a);
    const layers = [];
    for (const e of under) {
      const ecs = getComputedStyle(e);
      if (e instanceof SVGElement && e.localName !== "svg") {
        if (e === el || !SHAPES.has(e.localName) || ecs.fill === "none") continue;
        if (/^url\(/.test(ecs.fill)) layers.push({ unknown: `${name(e)} is filled with a gradient or pattern` });
        else layers.push({ colour: ecs.fill, opacity: parseFloat(ecs.fillOpacity) * parseFloat(ecs.opacity), by: name(e) });
        continue;
      }
      if (ecs.backgroundImage !== "none") layers.push({ unknown: `${name(e)} has a background image (${ecs.backgroundImage.slice(0, 60)})` });
      layers.push({ colour: ecs.backgroundColor, opacity: parseFloat(ecs.opacity), by: name(e) });
    }
    return {
      fg: svgText ? cs.fill : cs.color,
      opacity,
      layers,
      canvas,
      // SVG text is drawn at its font size times the SVG's scale.
      px: parseFloat(cs.fontSize) * (svgText && el.getScreenCTM() ? Math.hypot(el.getScreenCTM().a, el.getScreenCTM().b) : 1),
      weight: parseInt(cs.fontWeight, 10) || 400,
      hit: at >= 0,
    };
  });
}

// In Node: the verdict on one node read by readContrastNodes:
// { ratio, min, fg, bg } or { unknown } (cannot be known) or { error }.
function judgeContrast(n) {
  if (n.missing) return { error: "the element axe named is no longer in the page" };
  const fg = parseColour(n.fg);
  if (!fg) return { error: `its text colour "${n.fg}" is not a colour this check can read` };
  const canvas = parseColour(n.canvas);
  if (!canvas) return { error: `the page's canvas colour "${n.canvas}" is not a colour this check can read` };
  const layers = [];
  for (const l of n.layers) {
    if (l.unknown) return { unknown: l.unknown };
    const c = parseColour(l.colour);
    if (!c) return { error: `the background colour "${l.colour}" of ${l.by} is not a colour this check can read` };
    c[3] *= l.opacity;
    if (c[3] <= 0) continue;
    layers.push(c);
    if (c[3] >= 1) break;
  }
  const bg = flatten(layers, canvas.slice(0, 3));
  const text = flatten([[fg[0], fg[1], fg[2], fg[3] * n.opacity]], bg);
  const large = n.px >= LARGE_PX || (n.px >= LARGE_BOLD_PX && n.weight >= 700);
  return { ratio: contrast(text, bg), min: large ? 3 : 4.5, fg: toHex(text), bg: toHex(bg), px: n.px, weight: n.weight };
}

// ---------- running ----------

async function pool(items, n, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

function snippet(html, max = 160) {
  const s = String(html || "").replace(/\s+/g, " ").trim();
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

async function checkPage(context, origin, item, cfg, findings, counters) {
  const page = await context.newPage();
  const where = { page: item.path, viewport: cfg.viewport, scheme: cfg.scheme };
  const add = (f) => findings.push({ ...where, ...f });
  page.on("pageerror", (err) =>
    add({ id: "js-error", impact: "serious", help: "uncaught JavaScript error", target: [], html: "", summary: snippet(err.message, 300) }),
  );
  page.on("response", (res) => {
    const req = res.request();
    if (!isLocal(res.url()) || res.status() < 400) return;
    // The 404 page itself is expected to answer 404.
    if (req.isNavigationRequest() && item.path === "/404.html") return;
    add({
      id: "broken-request",
      impact: "serious",
      help: "a local request was answered with an error",
      target: [res.url().replace(origin, "")],
      html: "",
      summary: `HTTP ${res.status()} for ${req.resourceType()}`,
    });
  });
  try {
    const res = await page.goto(origin + item.path, { waitUntil: "load", timeout: 30000 });
    if (!res) throw new Error("no response");
    if (item.ready) await page.waitForSelector(item.ready, { timeout: 10000 });
    await page.evaluate(() => document.fonts && document.fonts.ready);
    const result = await page.evaluate(
      async ({ tags, contrastRules }) => {
        const r = await window.axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations", "incomplete"],
          elementRef: true,
        });
        // The nodes whose contrast axe could not decide, for readContrastNodes.
        window.__a11yContrast = r.incomplete.filter((v) => contrastRules.includes(v.id)).flatMap((v) => v.nodes.map((n) => n.element));
        const slim = (list) =>
          list.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : t)),
              html: n.html,
              summary: n.failureSummary || "",
              impact: n.impact,
            })),
          }));
        return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
      },
      { tags: TAGS, contrastRules: [...CONTRAST_RULES] },
    );
    for (const v of result.violations) {
      for (const n of v.nodes) {
        add({ id: v.id, impact: n.impact || v.impact, help: v.help, target: n.target, html: n.html, summary: n.summary });
      }
    }
    // Contrast axe could not decide is judged here; a node over a
    // background image or gradient is only counted and listed.
    const read = await page.evaluate(readContrastNodes);
    const undecided = result.incomplete.filter((v) => CONTRAST_RULES.has(v.id)).flatMap((v) => v.nodes.map((n) => ({ v, n })));
    undecided.forEach(({ v, n }, i) => {
      const j = read[i] ? judgeContrast(read[i]) : { error: "the element was not read" };
      const base = { id: `${v.id}-judged`, impact: "serious", target: n.target, html: n.html };
      if (j.error) {
        add({ ...base, help: "axe could not decide this text's contrast, nor could this check", summary: `cannot judge: ${j.error}; axe: ${n.summary}` });
      } else if (j.unknown) {
        counters.unjudged++;
        if (counters.review.length < 500) counters.review.push({ ...where, id: v.id, target: n.target, html: snippet(n.html), summary: `not judged: ${j.unknown}; axe: ${n.summary}` });
      } else {
        counters.judged++;
        if (counters.judgedList.length < 500) counters.judgedList.push({ ...where, target: n.target, html: snippet(n.html), ...j, layers: read[i].hit ? "under its text" : "its ancestors" });
        if (j.ratio + 1e-9 < j.min) {
          add({
            ...base,
            help: "text must reach 4.5:1 against what lies under it (3:1 for large text); axe could not decide, the computed colours did",
            summary: `contrast ${j.ratio.toFixed(2)}:1, needs ${j.min}:1: text ${j.fg} on ${j.bg} (${j.px} px, weight ${j.weight})`,
          });
        }
      }
    });
    for (const v of result.incomplete) {
      if (CONTRAST_RULES.has(v.id)) continue;
      counters.incomplete[v.id] = (counters.incomplete[v.id] || 0) + v.nodes.length;
      for (const n of v.nodes) {
        if (counters.review.length < 500) counters.review.push({ ...where, id: v.id, target: n.target, html: snippet(n.html), summary: n.summary });
      }
    }
    if (cfg.countH1 && !item.ready) {
      const h1 = await page.evaluate(() => [...document.querySelectorAll("h1")].map((h) => h.textContent.replace(/\s+/g, " ").trim()));
      if (h1.length !== 1) {
        add({
          id: "h1-count",
          impact: "serious",
          help: "a page must have exactly one <h1>, its title",
          target: ["h1"],
          html: h1.length ? h1.map((t) => `<h1>${t}</h1>`).join(" ") : "",
          summary: h1.length ? `${h1.length} <h1> elements` : "no <h1> element",
        });
      }
    }
    if (cfg.checkTheme) {
      const vars = await page.evaluate(readThemeVars, [...new Set(THEME_PAIRS.flatMap((p) => [p.fg, p.bg]))]);
      for (const f of checkTheme(vars)) add({ ...f, page: "(theme colours)" });
    }
  } catch (err) {
    add({ id: "page-error", impact: "serious", help: "the page could not be checked", target: [], html: "", summary: snippet(err.message, 300) });
  } finally {
    await page.close();
  }
  counters.pages++;
}

function report(findings, external, summaryLine) {
  const lines = [];
  if (external.length) {
    lines.push(`External requests (${external.length}); only 127.0.0.1 is allowed:`);
    const seen = new Map();
    for (const e of external) {
      const key = e.url;
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key).push(`${e.page} ${e.viewport} ${e.scheme}`);
    }
    for (const [url, where] of seen) {
      lines.push(`  ${url}`);
      lines.push(`    from ${where.slice(0, 4).join("; ")}${where.length > 4 ? `; and ${where.length - 4} more` : ""}`);
    }
    lines.push("");
  }
  // Group identical findings (same rule, element and markup) across pages,
  // viewports and schemes so that one theme bug is reported once.
  const groups = new Map();
  for (const f of findings) {
    const key = [f.id, f.target.join(", "), snippet(f.html)].join("\u0000");
    if (!groups.has(key)) groups.set(key, { ...f, where: [] });
    groups.get(key).where.push(`${f.page} ${f.viewport} ${f.scheme}`);
  }
  const byRule = new Map();
  for (const g of groups.values()) {
    if (!byRule.has(g.id)) byRule.set(g.id, []);
    byRule.get(g.id).push(g);
  }
  for (const [id, list] of byRule) {
    const total = list.reduce((n, g) => n + g.where.length, 0);
    lines.push(`${id} (${list[0].impact}): ${list[0].help} — ${total} occurrence(s), ${list.length} distinct`);
    for (const g of list.slice(0, 40)) {
      lines.push(`  target:  ${g.target.join(", ") || "-"}`);
      if (g.html) lines.push(`  html:    ${snippet(g.html)}`);
      if (g.summary) lines.push(`  why:     ${snippet(g.summary.replace(/^Fix (any|all) of the following:\s*/, ""), 300)}`);
      const w = g.where;
      lines.push(`  where:   ${w.slice(0, 4).join("; ")}${w.length > 4 ? `; and ${w.length - 4} more` : ""}`);
      lines.push("");
    }
    if (list.length > 40) lines.push(`  … and ${list.length - 40} more distinct findings for ${id}\n`);
  }
  lines.push(summaryLine);
  return lines.join("\n");
}

async function main() {
  const folder = process.argv[2];
  if (!folder) usage("no site folder given");
  if (!fs.existsSync(path.join(folder, "index.html"))) usage(`${folder} has no index.html: build the site first`);
  requireChromium();

  const site = await serve(folder);
  let pages = listPages(site.root).map((p) => ({ path: p }));
  for (const extra of EXTRA(site.root)) if (pages.some((p) => p.path === extra.when)) pages.push(extra);
  if (process.env.A11Y_ONLY) pages = pages.filter((p) => p.path.includes(process.env.A11Y_ONLY));
  if (!pages.length) usage("no pages found");

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  const findings = [];
  const external = [];
  const counters = { pages: 0, incomplete: {}, review: [], judged: 0, unjudged: 0, judgedList: [] };
  const started = Date.now();
  try {
    for (const vp of VIEWPORTS) {
      for (const scheme of SCHEMES) {
        const cfg = { viewport: vp.name, scheme };
        const context = await browser.newContext({
          viewport: { width: vp.width, height: vp.height },
          isMobile: vp.mobile,
          hasTouch: vp.mobile,
          deviceScaleFactor: 1,
          colorScheme: scheme,
          reducedMotion: "reduce",
        });
        const seen = new Set();
        context.on("request", (req) => {
          if (isLocal(req.url())) return;
          let from = "?";
          try {
            from = req.frame().url().replace(site.origin, "") || "?";
          } catch {}
          const key = `${from} ${req.url()}`;
          if (seen.has(key)) return;
          seen.add(key);
          external.push({ url: req.url(), page: from, ...cfg });
        });
        // axe-core goes into every document before it loads: cheaper than
        // parsing it again with addScriptTag after each page load.
        await context.addInitScript({ content: AXE_SOURCE });
        // Nothing leaves the machine: non-local requests are recorded above and aborted here.
        await context.route(
          (url) => !isLocal(url.href),
          (route) => route.abort("blockedbyclient"),
        );
        let first = true;
        const countH1 = vp === VIEWPORTS[0] && scheme === SCHEMES[0];
        await pool(pages, CONCURRENCY, (item) => {
          const c = { ...cfg, countH1, checkTheme: first }; // the theme once per context, on whichever page comes first (A11Y_ONLY may leave out /)
          if (c.checkTheme) first = false;
          return checkPage(context, site.origin, item, c, findings, counters);
        });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }

  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const shape = `${pages.length} pages x ${VIEWPORTS.length} viewports x ${SCHEMES.length} schemes = ${counters.pages} page checks`;
  if (process.env.A11Y_JSON)
    fs.writeFileSync(
      process.env.A11Y_JSON,
      JSON.stringify({ findings, external, incomplete: counters.incomplete, contrast: { judged: counters.judged, unjudged: counters.unjudged, nodes: counters.judgedList }, review: counters.review }, null, 2),
    );
  // Contrast axe left undecided: how many were judged, and which could not be.
  const unjudged = [...new Set(counters.review.filter((r) => CONTRAST_RULES.has(r.id)).map((r) => `${r.page} ${r.target.join(", ")}: ${r.summary.split("; axe:")[0]}`))];
  const contrastLine =
    `contrast axe left undecided: ${counters.judged} node(s) judged from the computed colours` +
    (counters.unjudged ? `, ${counters.unjudged} over a background image or gradient not judged (not failing): ${unjudged.slice(0, 3).join("; ")}${unjudged.length > 3 ? `; and ${unjudged.length - 3} more (A11Y_JSON lists them)` : ""}` : "");
  const incomplete = Object.entries(counters.incomplete)
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
  if (findings.length || external.length) {
    console.log(report(findings, external, `a11y: FAILED — ${findings.length} finding(s), ${external.length} external request(s); ${shape}, axe-core ${AXE_VERSION}, ${secs}s; ${contrastLine}`));
    process.exit(1);
  }
  console.log(
    `a11y: OK — ${shape}, 0 violations (axe-core ${AXE_VERSION}, ${TAGS.join("/")}), one <h1> on every page, 0 external requests, ${secs}s; ${contrastLine}` +
      (incomplete ? ` [needs review by hand, not failing: ${incomplete}]` : ""),
  );
}

main().catch((err) => {
  console.error(`a11y: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
