#!/usr/bin/env node
// Layout gate for a built cairn site (SPEC 9.1, issue 25): what axe does not
// see. In headless Chromium, on every index.html and 404.html of the site:
//   - width: at 320x700 and 390x844, light and dark, the page is no wider
//     than the window (`scrollWidth` <= `clientWidth` of <html>); a failure
//     names the element that reaches furthest right;
//   - the archive banner (a past year's pages): its text keeps at least 8 px
//     from both edges of the window at 320 and 390 px;
//   - unique ids: no two elements of a page share an `id` (each one named);
//   - the header: at 1280x900 it holds at most 8 top-level entries (links or
//     menu buttons) and takes one row;
//   - two clicks: every page of the current year is reached from the home
//     page in at most two clicks, following only the links that show at
//     1280 px without opening a menu (the footer's site index counts); an
//     archived year's pages from that year's own home; a page that no other
//     page links to fails too;
//   - print: a page whose path names "print" sets `@page` margins of at
//     least 15 mm on every side.
//
//   node layout.mjs SITE_FOLDER
//
// Exit 0 with a one-line summary when everything holds, 1 with a report,
// 2 on a usage error. Environment: CHROMIUM, LAYOUT_CONCURRENCY (pages open
// at once, default 2), LAYOUT_ONLY (substring: check only pages whose path
// contains it; the two-click check is then skipped).

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, isLocal, listPages, requireChromium, serve } from "./serve.mjs";
import { MAX_CLICKS, clickDepths, describeFar, describeHomes } from "./clicks.mjs";

const NARROW = [
  { width: 320, height: 700 },
  { width: 390, height: 844 },
];
const WIDE = { width: 1280, height: 900 };
const SCHEMES = ["light", "dark"];
const HEADER_MAX = 8;
const BANNER_INSET = 8;
const PAGE_MARGIN_MM = 15;
const CONCURRENCY = Math.max(1, Number(process.env.LAYOUT_CONCURRENCY || 2));

const folder = process.argv[2];
if (!folder || !fs.existsSync(path.join(folder, "index.html"))) {
  console.error("usage: node layout.mjs SITE_FOLDER (a built cairn site)");
  process.exit(2);
}
requireChromium();

const problems = [];
const fail = (page, what) => problems.push(`${page}: ${what}`);

async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

// In the page: the width of the document and, when it overflows, the
// element reaching furthest right (the innermost of those that end there).
function measureWidth() {
  const doc = document.documentElement;
  const out = { scroll: doc.scrollWidth, client: doc.clientWidth, widest: null };
  if (out.scroll <= out.client) return out;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
    return false;
  };
  let best = null;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (clipped(el)) continue; // it scrolls inside its own box
    if (!best || r.right > best.right + 0.5 || (Math.abs(r.right - best.right) <= 0.5 && best.el.contains(el))) best = { el, right: r.right };
  }
  if (best) {
    const el = best.el;
    const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
    out.widest = `${name} ends at ${Math.round(best.right)} px: "${(el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 80)}"`;
  }
  return out;
}

// In the page: the archive banner's text box, inside the window's edges.
function measureBanner() {
  const p = document.querySelector(".archive-banner p");
  if (!p) return null;
  const r = p.getBoundingClientRect();
  const cs = getComputedStyle(p);
  return {
    left: r.left + parseFloat(cs.paddingLeft),
    right: document.documentElement.clientWidth - (r.right - parseFloat(cs.paddingRight)),
  };
}

// In the page, at 1280 px: ids used twice, the header's entries, the links
// shown without opening a menu, and the print margins.
function inspectWide(marginMm) {
  const seen = new Map();
  for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) || 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `"${id}" x${n}`);
  const nav = document.querySelector(".site-nav");
  const entries = nav ? [...nav.querySelectorAll(":scope > ul > li")].filter((li) => li.getClientRects().length) : [];
  const rows = new Set(entries.map((li) => Math.round(li.getBoundingClientRect().top))).size;
  const links = [...document.querySelectorAll("a[href]")]
    .filter((a) => {
      const closed = a.closest("details:not([open])");
      return !closed || a.closest("summary");
    })
    .map((a) => a.href);
  let page = null;
  if (/print/.test(location.pathname)) {
    const px = (v) => {
      const d = document.createElement("div");
      d.style.position = "absolute";
      d.style.width = v;
      document.body.append(d);
      const w = d.getBoundingClientRect().width;
      d.remove();
      return w;
    };
    const min = px(`${marginMm}mm`);
    const rules = [];
    const walk = (list) => {
      for (const r of list) {
        if (r instanceof CSSPageRule) rules.push(r);
        else if (r.cssRules) walk(r.cssRules);
      }
    };
    for (const sheet of document.styleSheets) {
      try {
        walk(sheet.cssRules);
      } catch {}
    }
    const sides = ["marginTop", "marginRight", "marginBottom", "marginLeft"];
    const margins = Object.fromEntries(sides.map((s) => [s, null]));
    for (const r of rules) for (const s of sides) if (r.style[s]) margins[s] = r.style[s];
    page = { rules: rules.length, short: sides.filter((s) => !margins[s] || px(margins[s]) + 0.01 < min).map((s) => `${s} ${margins[s] || "unset"}`) };
  }
  return { duplicates, entries: entries.length, rows, links, page };
}

const site = await serve(folder);
let pages = listPages(site.root);
const only = process.env.LAYOUT_ONLY;
if (only) pages = pages.filter((p) => p.includes(only));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
const linksOf = new Map();
let checks = 0;

async function context(viewport, scheme, mobile) {
  const c = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1, colorScheme: scheme, reducedMotion: "reduce" });
  await c.route((url) => !isLocal(url.href), (route) => route.abort("blockedbyclient"));
  return c;
}

try {
  // Width and the banner: every page, 320 and 390 px, light and dark.
  for (const viewport of NARROW) {
    for (const scheme of SCHEMES) {
      const c = await context(viewport, scheme, true);
      await pool(pages, CONCURRENCY, async (p) => {
        const page = await c.newPage();
        try {
          await page.goto(site.origin + p, { waitUntil: "load" });
          const w = await page.evaluate(measureWidth);
          if (w.scroll > w.client) fail(p, `${w.scroll} px wide in a ${w.client} px window (${viewport.width} px, ${scheme}); widest: ${w.widest}`);
          const b = await page.evaluate(measureBanner);
          if (b && (b.left < BANNER_INSET || b.right < BANNER_INSET)) fail(p, `the archive banner's text is ${Math.round(b.left)} px from the left edge and ${Math.round(b.right)} px from the right at ${viewport.width} px (at least ${BANNER_INSET})`);
        } catch (err) {
          fail(p, `could not be checked at ${viewport.width} px: ${err.message}`);
        } finally {
          await page.close();
          checks++;
        }
      });
      await c.close();
    }
  }
  // Ids, the header, links and print margins: every page at 1280 px.
  const c = await context(WIDE, "light", false);
  await pool(pages, CONCURRENCY, async (p) => {
    const page = await c.newPage();
    try {
      await page.goto(site.origin + p, { waitUntil: "load" });
      const r = await page.evaluate(inspectWide, PAGE_MARGIN_MM);
      if (r.duplicates.length) fail(p, `ids used more than once: ${r.duplicates.join(", ")}`);
      if (r.entries > HEADER_MAX) fail(p, `the header holds ${r.entries} top-level entries at 1280 px (at most ${HEADER_MAX})`);
      if (r.rows > 1) fail(p, `the header's entries take ${r.rows} rows at 1280 px (one)`);
      if (r.page && !r.page.rules) fail(p, `no @page rule: printing runs to the paper's edge (at least ${PAGE_MARGIN_MM} mm)`);
      else if (r.page && r.page.short.length) fail(p, `@page margins under ${PAGE_MARGIN_MM} mm: ${r.page.short.join(", ")}`);
      linksOf.set(
        p,
        r.links.filter((h) => h.startsWith(site.origin)).map((h) => decodeURI(new URL(h).pathname)),
      );
    } catch (err) {
      fail(p, `could not be checked at 1280 px: ${err.message}`);
    } finally {
      await page.close();
      checks++;
    }
  });
  await c.close();
} finally {
  await browser.close();
  await site.close();
}

// Two clicks from home (clicks.mjs): the current year's pages from "/",
// each archived year's from its own home; a page that no page links to
// fails too (the site must not write it, or must link it).
let homes = [];
if (!only) {
  const clicks = clickDepths(pages, linksOf);
  homes = clicks.homes;
  for (const f of clicks.far) problems.push(describeFar(f, "links shown at 1280 px without opening a menu"));
}

if (problems.length) {
  console.log(`layout: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 200)) console.log(`  - ${p}`);
  if (problems.length > 200) console.log(`  … and ${problems.length - 200} more`);
  process.exit(1);
}
console.log(
  `layout: OK — ${pages.length} pages, ${checks} page checks: no page wider than 320 or 390 px (light and dark), unique ids, at most ${HEADER_MAX} header entries in one row at 1280 px` +
    (only ? "" : `, every page within ${MAX_CLICKS} clicks of its home: ${describeHomes(homes)}`) +
    `, @page margins of ${PAGE_MARGIN_MM} mm or more on the print pages`,
);
