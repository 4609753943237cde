#!/usr/bin/env node
// The trainee's view of a built multi-year site (issue 15), in headless
// Chromium at 390x844 with the clock set by Playwright's clock control:
//   - on a date inside the academic year, with year 2 chosen, the next
//     year-2 session's title, date, start time and place are inside the
//     first 844 px of the home page ("Next up");
//   - the first due item of year 2 is inside those 844 px too (SPEC 9.1);
//   - the calendar page marks that day as today and, with year 2 chosen on
//     the home page, shows year 2's items and hides the other years';
//   - the choice of year is remembered on reload (localStorage only);
//   - on 1 July after the year's last session the page says the year is over;
//   - with JavaScript disabled the full list of sessions is there;
//   - the site header takes at most 140 px, and the phone menu passes axe
//     (WCAG 2.0/2.1/2.2 A and AA) closed and open, light and dark.
//
//   node trainee.mjs BUILT_SITE
//
// The expected session is worked out from the site's curriculum.json, not
// written here. Exit 0 when everything holds, 1 with a report, 2 on misuse.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS, isLocal, requireChromium, serve } from "./serve.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VIEWPORT = { width: 390, height: 844 };

const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, "curriculum.json"))) {
  console.error("usage: node trainee.mjs BUILT_SITE (a cairn build with curriculum.json)");
  process.exit(2);
}
requireChromium();
const model = JSON.parse(fs.readFileSync(path.join(site, "curriculum.json"), "utf8"));
const problems = [];
const fail = (what) => problems.push(what);

// A day inside the academic year with a year-2 session still to come.
const starts = model.program.starts;
const y0 = Number(starts.slice(0, 4));
// Each meeting a trainee goes to: a series (`dates`) meets on each of its
// dates, one day each; sessions for mentors or faculty are not theirs.
const meetings = model.sessions
  .filter((s) => !["mentors", "faculty"].includes(s.for))
  .flatMap((s) => (s.dates ? s.dates.map((d) => ({ ...s, date: d, end_date: null })) : [s]));
const sessions = meetings.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
const year2 = sessions.filter((s) => (s.years || []).includes(2));
if (!year2.length) {
  console.error("trainee: the site has no year-2 session to look for");
  process.exit(2);
}
const clock = year2[Math.floor(year2.length / 2)].date; // a session day: it is still "next" all day
const expected = year2.find((s) => (s.end_date || s.date) >= clock);
const yearOver = `${y0 + 1}-${starts.slice(5)}`; // the first day of the next academic year

const { origin, close } = await serve(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, isMobile: true, hasTouch: true, ...options });
  await context.route((url) => !isLocal(url.href), (route) => {
    fail(`a request left 127.0.0.1: ${route.request().url()}`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => fail(`JavaScript error: ${err.message}`));
  return { context, page };
}

async function within(page, selector, what) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) return fail(`${what}: ${selector} is not shown`);
  if (box.y + box.height > VIEWPORT.height) fail(`${what}: ${selector} ends at ${Math.round(box.y + box.height)} px, below the first ${VIEWPORT.height} px`);
}

try {
  // Next up for year 2, on a day inside the year.
  {
    const { context, page } = await newPage();
    await page.clock.setFixedTime(new Date(`${clock}T12:00:00`));
    await page.goto(origin + "/", { waitUntil: "load" });
    const header = await page.locator(".site-header").boundingBox();
    if (!header || header.height > 140) fail(`the site header is ${header && Math.round(header.height)} px tall at 390 px (at most 140)`);
    await page.locator('.next-up input[name=my-year][value="2"]').check();
    const next = page.locator(".next-up");
    const text = (await next.innerText()).replace(/\s+/g, " ");
    const day = new Date(`${expected.date}T12:00:00`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric" }).replace(/,/g, "");
    for (const [what, value] of [["title", expected.title], ["date", day], ["start time", expected.start], ["location", expected.location]]) {
      if (value && !text.includes(value)) fail(`Next up (year 2, ${clock}) lacks the ${what} "${value}": ${text.slice(0, 300)}`);
    }
    // The calendar page marks today and follows the year chosen on the home page.
    await page.goto(origin + "/calendar/", { waitUntil: "load" });
    const today = page.locator(`.month-grid td[data-date="${clock}"]`);
    if (!(await today.count())) fail(`the calendar page has no day ${clock}`);
    else {
      if (!/\bcal-today\b/.test((await today.getAttribute("class")) || "")) fail(`the calendar page does not mark today (${clock}) with cal-today`);
      if ((await today.getAttribute("aria-current")) !== "date") fail(`the calendar's today (${clock}) lacks aria-current="date"`);
      if (!(await today.isVisible())) fail(`the calendar's today (${clock}) is not shown at ${VIEWPORT.width} px`);
    }
    const choice = page.locator('.year-choice input[name=my-year][value="2"]');
    if (!(await choice.count()) || !(await choice.isChecked())) fail("the calendar page does not show year 2 as the year chosen on the home page");
    const items = await page.locator(".month-grid .cal-item[data-years]").evaluateAll((lis) =>
      lis.map((li) => ({ years: li.dataset.years.split(" "), shown: li.getClientRects().length > 0, text: li.textContent.trim().slice(0, 60) })),
    );
    const others = items.filter((i) => !i.years.includes("2"));
    const mine = items.filter((i) => i.years.includes("2"));
    if (!others.length || !mine.length) fail(`the calendar page marks no items by year (${mine.length} of year 2, ${others.length} of other years)`);
    for (const i of others.filter((i) => i.shown).slice(0, 3)) fail(`with year 2 chosen the calendar page shows "${i.text}" (years ${i.years.join(", ")})`);
    for (const i of mine.filter((i) => !i.shown).slice(0, 3)) fail(`with year 2 chosen the calendar page hides "${i.text}"`);
    await page.goto(origin + "/", { waitUntil: "load" });
    await page.reload({ waitUntil: "load" });
    if (!(await page.locator('.next-up input[name=my-year][value="2"]').isChecked())) fail("the choice of year 2 is not remembered on reload");
    // The first screen of a reader who chose year 2 before (SPEC 9.1).
    await within(page, ".next-up .next-title", "Next up's title");
    await within(page, ".next-up .session-when", "Next up's date and time");
    if (expected.location) await within(page, ".next-up .session-place", "Next up's place");
    // The first due item of year 2 (SPEC 9.1: the first screen), wherever
    // Next up lists it ("To prepare" or "Due next"), and the first row of
    // "Due next".
    const schedule = JSON.parse(await page.locator(".next-up .cairn-schedule").textContent());
    const firstDue = schedule.due.find((d) => d.date_iso >= clock && (d.years || []).includes(2));
    if (firstDue) {
      const link = page.locator(".next-up-body a", { hasText: firstDue.title }).first();
      if (!(await link.count())) fail(`Next up (year 2, ${clock}) does not list the first due item "${firstDue.title}"`);
      else {
        const box = await link.boundingBox();
        if (!box || box.y + box.height > VIEWPORT.height) fail(`the first due item "${firstDue.title}" ends at ${box && Math.round(box.y + box.height)} px, below the first ${VIEWPORT.height} px`);
      }
    }
    if (await page.locator(".next-up .due-list > li").count()) await within(page, ".next-up .due-list > li", "the first row of Due next");
    // The phone menu, closed and open, light and dark.
    await page.addScriptTag({ content: AXE_SOURCE });
    for (const open of [false, true]) {
      if (open) await page.locator(".site-menu > summary").click();
      const links = await page.locator(".site-menu nav a").evaluateAll((as) => as.filter((a) => a.offsetParent !== null).length);
      if (open && links < 3) fail(`the open phone menu shows ${links} links`);
      for (const scheme of ["light", "dark"]) {
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), TAGS);
        for (const v of violations) fail(`axe, menu ${open ? "open" : "closed"}, ${scheme}: ${v}`);
      }
    }
    await context.close();
  }
  // After the year's last session.
  {
    const { context, page } = await newPage();
    await page.clock.setFixedTime(new Date(`${yearOver}T12:00:00`));
    await page.goto(origin + "/", { waitUntil: "load" });
    const text = await page.locator(".next-up").innerText();
    if (!/no more sessions this academic year/i.test(text)) fail(`on ${yearOver} Next up does not say the year is over: ${text.slice(0, 200)}`);
    await context.close();
  }
  // Without JavaScript: the whole year, in order.
  {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(origin + "/", { waitUntil: "load" });
    const shown = await page.locator("#session-list > li").evaluateAll((lis) => lis.filter((li) => li.offsetParent !== null).length);
    if (shown !== model.sessions.length) fail(`without JavaScript the home page shows ${shown} of ${model.sessions.length} sessions`);
    if (await page.locator(".next-up").isVisible()) fail("without JavaScript Next up shows (it cannot know the date)");
    await context.close();
  }
} finally {
  await browser.close();
  await close();
}

if (problems.length) {
  console.log(`trainee: ${problems.length} problem(s)`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
console.log(`trainee: OK — on ${clock} Next up shows year 2's "${expected.title}" and its first due item within the first ${VIEWPORT.height} px; the calendar marks ${clock} and follows year 2; on ${yearOver} the year is over; without JavaScript all ${model.sessions.length} sessions are listed; the phone menu passes axe closed and open`);
