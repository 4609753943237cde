// The two-click rule of SPEC 9.1 ("Header"), shared by layout.mjs (the
// served build) and portable.mjs (the portable build from file://): every
// page of the current year is reached from the home page in at most two
// clicks, an archived year's pages from that year's own home.
//
// Pages are site paths of the served form: "/", "/sessions/x/",
// "/archive/2025-26/calendar/" (a folder's index.html); the caller maps its
// links to that form. The check itself needs no browser.

export const MAX_CLICKS = 2;

/** The home a page counts from: "/" or "/archive/YYYY-YY/". */
export const homeOf = (page) => (page.match(/^\/archive\/[^/]+\//) || ["/"])[0];

/**
 * Clicks from each page's home, following `linksOf` (page -> pages it links
 * to, as shown without opening a menu). `pages` are the pages on disk that
 * must be reached (folders' index.html: paths ending in "/"). Returns
 *   depth:   page -> clicks from its home (absent when never reached),
 *   homes:   [{ home, pages, reached, deepest }] (reached: how many of its
 *            pages it reaches at all; deepest: most clicks any of those needs),
 *   far:     [{ page, home, clicks, linked }] for each page over
 *            MAX_CLICKS (clicks Infinity when unreachable; linked false
 *            when no other page links to it at all).
 */
export function clickDepths(pages, linksOf, max = MAX_CLICKS) {
  const targets = pages.filter((p) => p.endsWith("/"));
  const linked = new Set([...linksOf].flatMap(([from, to]) => [...to].filter((l) => l !== from)));
  const depth = new Map();
  const homes = [];
  const far = [];
  for (const home of [...new Set(targets.map(homeOf))]) {
    // Breadth first, to the end: the depth is reported, not only the limit.
    const seen = new Map([[home, 0]]);
    let frontier = [home];
    for (let click = 1; frontier.length; click++) {
      const next = [];
      for (const p of frontier) {
        for (const l of linksOf.get(p) || []) {
          if (!seen.has(l)) {
            seen.set(l, click);
            next.push(l);
          }
        }
      }
      frontier = next;
    }
    const own = targets.filter((p) => homeOf(p) === home);
    let deepest = 0;
    let reached = 0;
    for (const p of own) {
      const clicks = seen.has(p) ? seen.get(p) : Infinity;
      if (clicks !== Infinity) {
        depth.set(p, clicks);
        deepest = Math.max(deepest, clicks);
        reached++;
      }
      if (clicks > max) far.push({ page: p, home, clicks, linked: linked.has(p) });
    }
    homes.push({ home, pages: own.length, reached, deepest });
  }
  return { depth, homes, far };
}

/** One line per page over the limit, for a report. */
export function describeFar(f, how) {
  if (!f.linked) return `${f.page}: written, but no page links to it`;
  if (f.clicks === Infinity) return `${f.page}: never reached from ${f.home} (${how})`;
  return `${f.page}: ${f.clicks} clicks from ${f.home}, more than ${MAX_CLICKS} (${how})`;
}

/** "/ at most 2 clicks (120 pages), /archive/2025-26/ at most 3 clicks (79 of 80 pages, 1 never reached)". */
export function describeHomes(homes) {
  return homes
    .map((h) => `${h.home} at most ${h.deepest} click(s) (${h.reached === h.pages ? `${h.pages} pages` : `${h.reached} of ${h.pages} pages, ${h.pages - h.reached} never reached`})`)
    .join(", ");
}
