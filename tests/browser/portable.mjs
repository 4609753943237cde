#!/usr/bin/env node
// Does a portable cairn build work from disk (file://)?
//
//   node portable.mjs SITE_FOLDER
//
// SITE_FOLDER is the output of `cairn build --portable -o SITE_FOLDER`. The
// check opens SITE_FOLDER/index.html in headless Chromium through file://
// and crawls every page it can reach. On each page, every <a href> (site
// header and navigation, breadcrumbs, main content, footer) that stays in
// the site (not http(s):, mailto:, webcal:...) must name a file that exists
// inside SITE_FOLDER: a page link must name an .html file, never a folder
// (from file:// a folder shows a directory listing, not its index.html), a
// link to a calendar, JSON, PDF or image must name that file, and a #anchor
// must be an id on the page it names. Every index.html on disk must be
// reached (a page nothing links to, or that only links from outside the site
// reach, fails), and within two clicks of its home (SPEC 9.1: the current
// year's pages from index.html, an archived year's from
// archive/YYYY-YY/index.html), following the links shown at 1280 px without
// opening a menu, as layout.mjs does on the served build (clicks.mjs); the
// summary gives the most clicks each home needs. Every page reached must have an <h1>
// and not be a directory listing (a folder is never loaded: the link that
// names it is reported), and must load its styles, scripts and
// images without an error. Then it opens search/index.html, types the title
// of the first session of curriculum.json (the first module when there is
// none: a program without a calendar) into the search box, and expects a
// result that links to its index.html; it does the same with
// search/index.html?q=TITLE. Requests off the machine are blocked and fail.
// Exit 0 with a one-line summary when everything passes, 1 with a report
// otherwise, 2 on a usage error.
//
// Environment: CHROMIUM (default /usr/bin/chromium).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, requireChromium } from "./serve.mjs";
import { MAX_CLICKS, clickDepths, describeFar, describeHomes } from "./clicks.mjs";

const SEARCH_TIMEOUT = 10000;

function usage(msg) {
  if (msg) console.error(`portable: ${msg}`);
  console.error("usage: node portable.mjs SITE_FOLDER (built with cairn build --portable)");
  process.exit(2);
}

/** The site-relative, /-separated name of an absolute path, for reports. */
const rel = (root, file) => path.relative(root, file).split(path.sep).join("/") || ".";

/** The served form of a page's path, as clicks.mjs takes it: "/", "/x/", "/404.html". */
const sitePath = (root, file) => "/" + rel(root, file).replace(/(^|\/)index\.html$/, "$1").replace(/^\.$/, "");

/** file:// URL without query and fragment, as an absolute path. */
function fileOf(url) {
  const u = new URL(url);
  u.hash = "";
  u.search = "";
  return fileURLToPath(u);
}

/** Links, ids, <h1>s and signs of a directory listing, read in the page. */
function readPage() {
  const region = (a) => {
    const r = a.closest("header, nav, main, footer");
    if (!r) return "page";
    const name = r.getAttribute("aria-label");
    return r.localName + (name ? ` "${name}"` : "");
  };
  return {
    links: [...document.querySelectorAll("a[href]")].map((a) => ({
      raw: a.getAttribute("href"),
      url: a.href,
      region: region(a),
      text: a.textContent.replace(/\s+/g, " ").trim().slice(0, 60),
      // Shown at 1280 px without opening a menu (a closed <details>' summary
      // shows), as layout.mjs counts clicks.
      shown: !a.closest("details:not([open])") || !!a.closest("summary"),
    })),
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    // Chromium's file:// listing: "Index of /path/" and a parent-folder box.
    listing: /^Index of /.test(document.title) || !!document.getElementById("parentDirLinkBox"),
    h1: document.querySelectorAll("h1").length,
    title: document.title,
  };
}

async function main() {
  const folder = process.argv[2];
  if (!folder) usage("no site folder given");
  if (!fs.existsSync(path.join(folder, "index.html"))) usage(`${folder} has no index.html: build it with cairn build --portable first`);
  requireChromium();
  const root = fs.realpathSync(path.resolve(folder));
  const inside = (file) => {
    const r = path.relative(root, file);
    return !r.startsWith("..") && !path.isAbsolute(r);
  };

  const findings = [];
  const add = (id, what, where, detail = "") => findings.push({ id, what, where, detail });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
  // Nothing but the site's own files: anything else is recorded and aborted.
  await context.route(
    (url) => !["file:", "data:", "about:", "blob:"].includes(url.protocol),
    (route) => {
      add("external-request", "a request left the site folder", route.request().frame()?.url() || "?", route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  const page = await context.newPage();
  let current = "";
  page.on("pageerror", (err) => add("js-error", "uncaught JavaScript error", current, err.message));
  page.on("requestfailed", (req) => {
    if (new URL(req.url()).protocol !== "file:" || req.isNavigationRequest()) return;
    add("broken-asset", `a ${req.resourceType()} did not load`, current, `${req.url()} (${req.failure()?.errorText})`);
  });

  const start = path.join(root, "index.html");
  const queue = [start];
  const queued = new Set(queue);
  const pages = new Map(); // absolute path -> ids on that page
  const linksOf = new Map(); // site path -> site paths of the pages it links to, shown without a menu
  const anchors = []; // { file, id, from, raw }
  let links = 0;
  let session = null;
  try {
    while (queue.length) {
      const file = queue.shift();
      current = rel(root, file);
      await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 30000 });
      const info = await page.evaluate(readPage);
      if (info.listing) {
        add("directory-listing", "a link opens a directory listing, not a page", current);
        continue;
      }
      if (info.h1 < 1) add("no-h1", "the page has no <h1>", current, `title: ${info.title}`);
      pages.set(file, new Set(info.ids));
      const shownTo = new Set();
      linksOf.set(sitePath(root, file), shownTo);
      for (const link of info.links) {
        const u = new URL(link.url);
        if (u.protocol !== "file:") continue; // http(s), mailto, webcal, tel...: not ours to check
        links++;
        const where = `${current} (${link.region}: "${link.text}")`;
        const target = fileOf(link.url);
        if (!inside(target)) {
          add("outside", "a link leaves the site folder", where, `href="${link.raw}" names ${target}`);
          continue;
        }
        const stat = fs.statSync(target, { throwIfNoEntry: false });
        if (!stat) {
          add("missing", "a link names a file that does not exist", where, `href="${link.raw}" -> ${rel(root, target)}`);
          continue;
        }
        if (stat.isDirectory()) {
          add("folder-link", "a link names a folder, not its index.html (from file:// it opens a directory listing)", where, `href="${link.raw}" -> ${rel(root, target)}/`);
          continue;
        }
        const isPage = /\.html?$/i.test(target);
        if (isPage && link.shown) shownTo.add(sitePath(root, target));
        if (u.hash && isPage) anchors.push({ file: target, id: decodeURIComponent(u.hash.slice(1)), where, raw: link.raw });
        if (isPage && !queued.has(target)) {
          queued.add(target);
          queue.push(target);
        }
      }
    }
    current = "";
    for (const a of anchors) {
      const ids = pages.get(a.file);
      if (ids && !ids.has(a.id)) add("anchor", "a link's #anchor is not an id on its page", a.where, `href="${a.raw}": no id "${a.id}" in ${rel(root, a.file)}`);
    }

    // Search from file://, typed and through ?q=.
    const searchPage = path.join(root, "search", "index.html");
    const model = JSON.parse(fs.readFileSync(path.join(root, "curriculum.json"), "utf8"));
    // The first session, or the first module of a program without a
    // calendar (a toolkit: its modules are its steps).
    const first = (list, folder) => {
      const item = (list || []).find((s) => !s.draft && s.title && s.id);
      return item && { title: item.title, id: item.id, folder };
    };
    session = first(model.sessions, "sessions") || first(model.modules, "modules");
    if (!fs.existsSync(searchPage)) add("search", "no search/index.html", "search");
    else if (!session) add("search", "curriculum.json has no session or module to search for", "search");
    else {
      const want = pathToFileURL(path.join(root, session.folder, session.id, "index.html")).href;
      for (const how of ["typed", "?q="]) {
        current = `search/index.html (${how} "${session.title}")`;
        try {
          const url = pathToFileURL(searchPage).href + (how === "?q=" ? `?q=${encodeURIComponent(session.title)}` : "");
          await page.goto(url, { waitUntil: "load", timeout: 30000 });
          await page
            .waitForFunction(() => !document.getElementById("search-input").disabled, null, { timeout: SEARCH_TIMEOUT })
            .catch(async () => {
              const status = await page.textContent("#search-status").catch(() => "");
              throw new Error(`the search box never became usable; the page says: ${status.trim()}`);
            });
          if (how === "typed") {
            await page.click("#search-input");
            await page.keyboard.type(session.title, { delay: 5 });
          }
          await page
            .waitForFunction((href) => [...document.querySelectorAll("#search-results a")].some((a) => a.href === href), want, { timeout: SEARCH_TIMEOUT })
            .catch(async () => {
              const got = await page.$$eval("#search-results a", (as) => as.slice(0, 5).map((a) => a.getAttribute("href")));
              const status = await page.textContent("#search-status").catch(() => "");
              throw new Error(`no result links to ${rel(root, fileURLToPath(want))}; status "${status.trim()}", first results: ${got.join(", ") || "none"}`);
            });
        } catch (err) {
          add("search", "search does not find a session from file://", current, String(err.message || err).split("\n")[0]);
        }
      }
    }
  } finally {
    await browser.close();
  }

  // Every page on disk reached, within two clicks of its home. 404.html is
  // shown for a missing page, never linked: it is not counted.
  const onDisk = fs
    .readdirSync(root, { recursive: true })
    .filter((f) => /(^|[\\/])index\.html$/.test(f))
    .map((f) => path.join(root, f));
  for (const file of onDisk) {
    if (!pages.has(file)) add("unreachable", "a page on disk is reached by no link from index.html", rel(root, file));
  }
  const clicks = clickDepths(onDisk.map((f) => sitePath(root, f)), linksOf);
  for (const f of clicks.far) {
    if (f.clicks !== Infinity) add("clicks", `a page is more than ${MAX_CLICKS} clicks from its home`, describeFar(f, "links shown at 1280 px without opening a menu"));
    else if (pages.has(path.join(root, f.page.slice(1), "index.html"))) add("clicks", "a page is reached only through a menu, never from its home by the links shown at 1280 px", f.page);
  }
  const shape = `${pages.size} of ${onDisk.length} pages on disk reached from index.html, clicks from home: ${describeHomes(clicks.homes)}; ${links} internal links, ${anchors.length} anchors`;
  if (findings.length) {
    // One entry per problem and detail, with the pages it shows on.
    const groups = new Map();
    for (const f of findings) {
      const key = `${f.id}\u0000${f.detail}`;
      if (!groups.has(key)) groups.set(key, { ...f, wheres: [] });
      groups.get(key).wheres.push(f.where);
    }
    const byId = new Map();
    for (const g of groups.values()) {
      if (!byId.has(g.id)) byId.set(g.id, []);
      byId.get(g.id).push(g);
    }
    const lines = [];
    for (const [id, list] of byId) {
      lines.push(`${id}: ${list[0].what} — ${list.reduce((n, g) => n + g.wheres.length, 0)} occurrence(s), ${list.length} distinct`);
      for (const g of list.slice(0, 30)) {
        if (g.detail) lines.push(`  ${g.detail}`);
        lines.push(`    on ${g.wheres.slice(0, 3).join("; ")}${g.wheres.length > 3 ? `; and ${g.wheres.length - 3} more` : ""}`);
      }
      if (list.length > 30) lines.push(`  … and ${list.length - 30} more`);
      lines.push("");
    }
    lines.push(`portable: FAILED — ${findings.length} finding(s); ${shape}`);
    console.log(lines.join("\n"));
    process.exit(1);
  }
  console.log(`portable: OK — ${shape}, all name files; search finds "${session.title}" from file://, typed and by ?q=`);
}

main().catch((err) => {
  console.error(`portable: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
