#!/usr/bin/env node
// Full-page screenshots of a built cairn site, for a person to look at.
//
//   node screenshots.mjs SITE_FOLDER OUT_FOLDER [EXTRA_PATH ...]
//
// Takes home, year 1, one module, one session, the search page with "bias"
// (or SHOTS_QUERY) typed in (after its results show) and the print page, each at 1280 and
// 390 CSS pixels wide, in the light and the dark colour scheme, as
// OUT_FOLDER/NAME-WIDTH-SCHEME.png. EXTRA_PATH arguments (site paths such as
// /map/) are added to the list. Requests off 127.0.0.1 are blocked and
// reported. Environment: CHROMIUM, SHOTS_SCHEMES (default "light,dark"), SHOTS_QUERY.

import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, isLocal, listPages, requireChromium, serve } from "./serve.mjs";

const WIDTHS = [
  { width: 1280, height: 900, mobile: false },
  { width: 390, height: 844, mobile: true },
];
const SCHEMES = (process.env.SHOTS_SCHEMES || "light,dark").split(",").map((s) => s.trim()).filter(Boolean);

function usage(msg) {
  if (msg) console.error(`screenshots: ${msg}`);
  console.error("usage: node screenshots.mjs SITE_FOLDER OUT_FOLDER [EXTRA_PATH ...]");
  process.exit(2);
}

function pick(pages, re) {
  return pages.find((p) => re.test(p));
}

async function main() {
  const [folder, out, ...extra] = process.argv.slice(2);
  if (!folder || !out) usage();
  if (!fs.existsSync(path.join(folder, "index.html"))) usage(`${folder} has no index.html: build the site first`);
  requireChromium();
  fs.mkdirSync(out, { recursive: true });

  const site = await serve(folder);
  const pages = listPages(site.root);
  const shots = [
    { name: "home", path: "/" },
    { name: "year-1", path: pick(pages, /^\/year-1\/$/) },
    { name: "module", path: pick(pages, /^\/modules\/[^/]+\/$/) },
    { name: "session", path: pick(pages, /^\/sessions\/[^/]+\/$/) },
    { name: "search", path: pick(pages, /^\/search\/$/), search: process.env.SHOTS_QUERY || "bias" },
    { name: "print", path: pick(pages, /^\/print\/$/) },
    ...extra.map((p) => ({ name: p.replace(/^\/|\/$/g, "").replace(/[^\w-]+/g, "_") || "root", path: p })),
  ].filter((s) => {
    if (!s.path) console.error(`screenshots: no page for ${s.name}; skipped`);
    return s.path;
  });

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  const external = new Set();
  const written = [];
  try {
    for (const w of WIDTHS) {
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({
          viewport: { width: w.width, height: w.height },
          isMobile: w.mobile,
          hasTouch: w.mobile,
          deviceScaleFactor: 1,
          colorScheme: scheme,
          reducedMotion: "reduce",
        });
        await context.route(
          (url) => !isLocal(url.href),
          (route) => {
            external.add(route.request().url());
            return route.abort("blockedbyclient");
          },
        );
        const page = await context.newPage();
        for (const shot of shots) {
          await page.goto(site.origin + shot.path, { waitUntil: "load", timeout: 30000 });
          if (shot.search) {
            const input = page.locator("#search-input");
            await input.waitFor({ state: "visible" });
            await page.waitForFunction(() => !document.getElementById("search-input").disabled, null, { timeout: 10000 });
            await input.click();
            await input.pressSequentially(shot.search, { delay: 20 });
            await page.waitForSelector("#search-results li", { timeout: 10000 });
          }
          await page.evaluate(() => document.fonts && document.fonts.ready);
          const file = path.join(out, `${shot.name}-${w.width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          written.push(file);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`screenshots: wrote ${written.length} PNGs to ${out}`);
  if (external.size) {
    console.error(`screenshots: blocked ${external.size} request(s) off 127.0.0.1:\n  ${[...external].join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(`screenshots: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
