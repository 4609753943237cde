#!/usr/bin/env node
// Accessibility of `cairn serve`'s error overlay.
//
//   node overlay.mjs SITE_ROOT
//
// Copies SITE_ROOT (a folder with content/_program.md, e.g. the kitchen-sink
// fixture) to a temporary folder, starts `cairn --root COPY serve --port P`
// on a free port of 127.0.0.1 and waits for its first answer. Then it breaks
// the first session file (an unknown front matter field, `colour: red`,
// E0103) and waits until the served home page carries #cairn-overlay, the
// panel serve injects into every page while the last build failed. In
// headless Chromium at 1280x900 and 390x844, in the light and the dark colour
// scheme (page.emulateMedia), it loads the home page, waits for the overlay
// and fails on:
//   - any axe-core violation (WCAG 2.0/2.1/2.2 A and AA) on the page,
//   - overlay text under 4.5:1: the computed colour of its <p> and <pre>
//     against the background painted under them (their own and their
//     ancestors' background colours, composited; images ignored),
//   - an overlay that never shows, or an uncaught JavaScript error.
// serve is stopped and the copy deleted at the end, whatever happens.
// Exit 0 with a one-line summary when everything passes, 1 with a report
// otherwise, 2 on a usage error.
//
// Environment: CAIRN (the cairn binary, default "cairn"), CHROMIUM (default
// /usr/bin/chromium), A11Y_TAGS (as for a11y.mjs).

import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, isLocal, requireChromium } from "./serve.mjs";
import { contrast, toHex } from "./colour.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = process.env.A11Y_TAGS
  ? process.env.A11Y_TAGS.split(",").map((t) => t.trim()).filter(Boolean)
  : ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORTS = [
  { name: "1280x900", width: 1280, height: 900, mobile: false },
  { name: "390x844", width: 390, height: 844, mobile: true },
];
const SCHEMES = ["light", "dark"];
const MIN_CONTRAST = 4.5;
const OVERLAY = "#cairn-overlay";
const TEXT = [`${OVERLAY} p`, `${OVERLAY} pre`];

function usage(msg) {
  if (msg) console.error(`overlay: ${msg}`);
  console.error("usage: node overlay.mjs SITE_ROOT");
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** GET a URL: { status, body }, or null while nothing answers. */
async function get(url) {
  try {
    const res = await fetch(url, { cache: "no-store" });
    return { status: res.status, body: await res.text() };
  } catch {
    return null;
  }
}

/** Poll until `test(answer)` holds for `url`; throw with `what` after `ms`. */
async function until(url, test, ms, what, serve) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (serve.failed || serve.exitCode !== null || serve.signalCode) throw new Error(`cairn serve ${serve.failed ? "did not start" : `exited (${serve.exitCode ?? serve.signalCode})`} before ${what}:\n${serve.log.join("").trim()}`);
    const answer = await get(url);
    if (answer && test(answer)) return answer;
    await sleep(200);
  }
  throw new Error(`${what} did not happen within ${ms / 1000}s (${url}); cairn serve said:\n${serve.log.join("").trim() || "(nothing)"}`);
}

/** Stop serve: SIGTERM, then SIGKILL if it is still there after 3 s. */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode) return;
  const gone = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  if (await Promise.race([gone.then(() => true), sleep(3000).then(() => false)])) return;
  child.kill("SIGKILL");
  await gone;
}

/** Add `field` to the front matter of the first session file (path order). */
function breakSession(root, field) {
  const dir = path.join(root, "content", "sessions");
  const file = fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => path.join(dir, f))[0];
  if (!file) throw new Error(`no session file under ${dir}`);
  const src = fs.readFileSync(file, "utf8");
  if (!src.startsWith("---\n")) throw new Error(`${file} does not start with a front matter line`);
  fs.writeFileSync(file, `---\n${field}\n${src.slice(4)}`);
  return path.relative(root, file);
}

/** Contrast of the overlay's text elements, computed in the page. */
async function textContrast(page) {
  return page.evaluate((selectors) => {
    // Paint colours on a 1x1 canvas to composite them and to read any CSS
    // colour syntax the browser computes (rgb(), color(srgb ...), ...).
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const pixel = () => [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
    const paint = (c) => {
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
    };
    // The canvas colour behind everything: the browser's, for the page's scheme.
    const probe = document.createElement("div");
    probe.style.backgroundColor = "Canvas";
    document.documentElement.appendChild(probe);
    const base = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return selectors.map((sel) => {
      const el = document.querySelector(sel);
      if (!el) return { sel, missing: true };
      const chain = [];
      for (let n = el; n; n = n.parentElement) chain.unshift(n);
      ctx.clearRect(0, 0, 1, 1);
      paint(base);
      for (const n of chain) paint(getComputedStyle(n).backgroundColor);
      const bg = pixel();
      const color = getComputedStyle(el).color;
      paint(color);
      return { sel, fg: pixel(), bg, color, own: getComputedStyle(el).backgroundColor };
    });
  }, TEXT);
}

async function main() {
  const src = process.argv[2];
  if (!src) usage("no site root given");
  if (!fs.existsSync(path.join(src, "content", "_program.md"))) usage(`${src} has no content/_program.md`);
  requireChromium();

  const findings = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-overlay-"));
  const copy = path.join(work, "site");
  // The copy leaves out a public/ folder an earlier `cairn build` may have left.
  fs.cpSync(src, copy, { recursive: true, filter: (f) => path.relative(src, f) !== "public" });
  let serve = null;
  let browser = null;
  let broken = "";
  let checks = 0;
  const cleanup = () => {
    if (serve && serve.exitCode === null && !serve.signalCode) serve.kill("SIGKILL");
    fs.rmSync(work, { recursive: true, force: true });
  };
  process.once("exit", cleanup);
  for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, () => process.exit(130));
  try {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    serve = spawn(process.env.CAIRN || "cairn", ["--root", copy, "--color", "never", "serve", "--port", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    serve.log = [];
    serve.on("error", (err) => {
      serve.log.push(`could not start ${process.env.CAIRN || "cairn"}: ${err.message}\n`);
      serve.failed = true;
    });
    for (const s of [serve.stdout, serve.stderr]) s.on("data", (d) => serve.log.push(d.toString()));

    const first = await until(origin + "/", () => true, 60000, "the first answer of cairn serve", serve);
    if (first.status !== 200 || first.body.includes('id="cairn-overlay"')) {
      throw new Error(`${src} does not build before it is broken (HTTP ${first.status} for /); cairn serve said:\n${serve.log.join("").trim()}`);
    }
    broken = breakSession(copy, "colour: red");
    await until(origin + "/", (a) => a.body.includes('id="cairn-overlay"'), 30000, `the overlay after breaking ${broken}`, serve);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    for (const vp of VIEWPORTS) {
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        isMobile: vp.mobile,
        hasTouch: vp.mobile,
        deviceScaleFactor: 1,
        reducedMotion: "reduce",
      });
      await context.addInitScript({ content: AXE_SOURCE });
      await context.route(
        (url) => !isLocal(url.href),
        (route) => {
          findings.push({ where: vp.name, id: "external-request", help: "a request left 127.0.0.1", detail: route.request().url() });
          return route.abort("blockedbyclient");
        },
      );
      for (const scheme of SCHEMES) {
        const where = `${vp.name} ${scheme}`;
        const page = await context.newPage();
        page.on("pageerror", (err) => findings.push({ where, id: "js-error", help: "uncaught JavaScript error", detail: err.message }));
        try {
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(origin + "/", { waitUntil: "load", timeout: 30000 });
          await page.waitForSelector(OVERLAY, { state: "visible", timeout: 10000 });
          await page.evaluate(() => document.fonts && document.fonts.ready);
          const violations = await page.evaluate(async (tags) => {
            const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
            return r.violations.map((v) => ({
              id: v.id,
              help: v.help,
              nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary || "" })),
            }));
          }, TAGS);
          for (const v of violations) {
            for (const n of v.nodes) {
              findings.push({ where, id: v.id, help: v.help, target: n.target, detail: `${n.html.replace(/\s+/g, " ").slice(0, 160)}\n      ${n.summary.replace(/\s+/g, " ").slice(0, 300)}` });
            }
          }
          for (const t of await textContrast(page)) {
            if (t.missing) {
              findings.push({ where, id: "overlay-text", help: "the overlay has no such element", target: t.sel, detail: "" });
              continue;
            }
            const ratio = contrast(t.fg, t.bg);
            if (ratio + 1e-9 < MIN_CONTRAST) {
              findings.push({
                where,
                id: "overlay-contrast",
                help: `overlay text must reach ${MIN_CONTRAST}:1 against its background`,
                target: t.sel,
                detail: `contrast ${ratio.toFixed(2)}:1: text ${toHex(t.fg)} (${t.color}) on ${toHex(t.bg)} (its own background: ${t.own})`,
              });
            }
          }
        } catch (err) {
          findings.push({ where, id: "page-error", help: "the page with the overlay could not be checked", detail: String(err.message || err).slice(0, 400) });
        } finally {
          await page.close();
        }
        checks++;
      }
      await context.close();
    }
  } catch (err) {
    findings.push({ where: "serve", id: "serve", help: "cairn serve did not show the overlay", detail: String(err.message || err) });
  } finally {
    if (browser) await browser.close();
    await stop(serve);
    cleanup();
  }

  const shape = `home page with the overlay (after breaking ${broken || "a session"}) x ${VIEWPORTS.length} viewports x ${SCHEMES.length} schemes = ${checks} checks`;
  if (findings.length) {
    // One entry per rule and element, with the configurations it fails in.
    const groups = new Map();
    for (const f of findings) {
      const key = [f.id, f.target || "", f.detail.split("\n")[0]].join("\u0000");
      if (!groups.has(key)) groups.set(key, { ...f, wheres: [] });
      groups.get(key).wheres.push(f.where);
    }
    const lines = [];
    for (const g of groups.values()) {
      lines.push(`${g.id}: ${g.help}`);
      if (g.target) lines.push(`  target:  ${g.target}`);
      if (g.detail) lines.push(`  detail:  ${g.detail}`);
      lines.push(`  where:   ${g.wheres.join("; ")}`, "");
    }
    lines.push(`overlay: FAILED — ${findings.length} finding(s); ${shape}`);
    console.log(lines.join("\n"));
    process.exit(1);
  }
  console.log(`overlay: OK — ${shape}, 0 violations (${TAGS.join("/")}), <p> and <pre> text at least ${MIN_CONTRAST}:1`);
}

main().catch((err) => {
  console.error(`overlay: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
