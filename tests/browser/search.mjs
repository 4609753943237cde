#!/usr/bin/env node
// Search gate (SPEC 9.1, 9.3, issues 25 and 29): on a built site served on
// 127.0.0.1, the search page finds what a trainee types, as the browser runs
// search.js (through Pagefind in a served build, its own index in a portable
// one):
//   - across apostrophes both ways: a title with "Don't" (or "Don’t") is
//     found by "dont", "don't" and "don’t", and each result's link is a page
//     of the site;
//   - things without a page of their own: every self-paced item and every
//     outcome of curriculum.json, by its own words;
//   - groups and free pages, by their titles;
//   - served builds (pagefind/ present) stem in the program's language: a
//     title with "prejudice" is found by "prejudices", one with "mentoring"
//     by "mentor", and the year filter keeps only that year's results.
//
//   node search.mjs SITE_FOLDER ["QUERY=>TITLE"...]
//
// Each QUERY=>TITLE pair is a query the site must answer with that title
// among its results (the demo's "dont", "prejudices" and "mentor", issue 29).
//
// Exit 0 with a summary, 1 naming each query that failed, 2 on a usage error.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, requireChromium, serve } from "./serve.mjs";

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, "search", "index.html"))) {
  console.error("usage: node search.mjs BUILT_SITE (a folder with search/index.html)");
  process.exit(2);
}
requireChromium();
const model = JSON.parse(fs.readFileSync(path.join(dir, "curriculum.json"), "utf8"));

// What to type, and the title a result must carry.
const queries = [];
const apostrophe = (t) => /[A-Za-z]['’][a-z]/.test(t);
for (const list of ["pages", "sessions", "modules", "readings", "groups"]) {
  for (const item of model[list] || []) {
    if (item.title && apostrophe(item.title)) {
      const word = item.title.match(/[A-Za-z]+['’][a-z]+/)[0];
      const bare = word.replace(/['’]/g, "");
      for (const q of [bare, bare.slice(0, -1) + "'" + bare.slice(-1), bare.slice(0, -1) + "’" + bare.slice(-1)]) {
        queries.push({ q, title: item.title, why: "apostrophe" });
      }
      break;
    }
  }
}
if (!queries.length) {
  console.log("search: no title with an apostrophe to search for across it (add one to the site)");
  process.exit(1);
}
for (const m of model.modules || []) {
  for (const sp of m.self_paced || []) queries.push({ q: sp.title, title: sp.title, why: "self-paced" });
}
for (const o of model.program.outcomes || []) queries.push({ q: o.statement, title: o.statement, why: "outcome" });
for (const g of (model.groups || []).slice(0, 3)) queries.push({ q: g.title, title: g.title, why: "group" });
for (const p of (model.pages || []).slice(0, 3)) queries.push({ q: p.title, title: p.title, why: "page" });
for (const pair of process.argv.slice(3)) {
  const [q, title] = pair.split("=>");
  if (!q || !title) {
    console.error(`search.mjs: "${pair}" is no QUERY=>TITLE pair`);
    process.exit(2);
  }
  queries.push({ q, title, why: `"${q}"` });
}

// Stemming and the filters are the served form's (Pagefind's).
const served = fs.existsSync(path.join(dir, "pagefind", "pagefind.js"));
const filtered = [];
if (served) {
  const titles = ["pages", "sessions", "modules", "readings", "groups"].flatMap((l) => (model[l] || []).map((i) => i.title).filter(Boolean));
  for (const [stem, q] of [["prejudice", "prejudices"], ["mentoring", "mentor"]]) {
    const title = titles.find((t) => new RegExp(`\\b${stem}\\b`, "i").test(t));
    if (title) queries.push({ q, title, why: "stemming" });
  }
  if ((model.program.years || 1) > 1) filtered.push({ q: "session", year: "2" });
}

const site = await serve(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
const failures = [];
const kinds = new Set();
try {
  const page = await browser.newPage();
  for (const { q, title, why } of queries) {
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}`);
    await shown(page, q);
    const results = await page.$$eval("#search-results a", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    const hit = results.find(([t]) => t === title);
    if (!hit) failures.push(`${why}: "${q}" does not find "${title}" (got: ${results.slice(0, 5).map(([t]) => t).join(" | ") || "nothing"})`);
    else {
      kinds.add(why);
      const where = new URL(hit[1], `${site.origin}/search/`).pathname;
      const file = path.join(dir, where, where.endsWith(".html") ? "" : "index.html");
      if (!fs.existsSync(file)) failures.push(`${why}: "${title}" links to ${hit[1]}, which is no page`);
    }
  }
  for (const { q, year } of filtered) {
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}&year=${year}`);
    await shown(page, q);
    const details = await page.$$eval("#search-results > li .detail", (ds) => ds.map((d) => d.textContent));
    const stray = details.filter((d) => !new RegExp(`Years? (\\d+, )*${year}\\b`).test(d));
    if (!details.length) failures.push(`year filter: "${q}" in year ${year} finds nothing`);
    else if (stray.length) failures.push(`year filter: "${q}" in year ${year} shows ${stray.length} result(s) of other years: ${stray[0]}`);
    else kinds.add("year filter");
  }
} finally {
  await browser.close();
  await site.close();
}
if (failures.length) {
  console.log(`search: ${failures.length} of ${queries.length} queries failed`);
  for (const f of failures) console.log(`  - ${f}`);
  process.exit(1);
}
console.log(`search: OK — ${queries.length} queries found what they name (${[...kinds].join(", ")})`);

// Waits until the search page has loaded its index and drawn the results
// of `q` (search.js names the query it shows in data-query).
async function shown(page, q) {
  await page.waitForFunction(() => !document.getElementById("search-input").disabled, null, { timeout: 10000 });
  await page.waitForFunction((want) => document.getElementById("search-results").getAttribute("data-query") === want, q, { timeout: 10000 });
}
