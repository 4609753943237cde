// A tiny static file server for a built cairn site, plus the shared
// Chromium launch settings. Used by a11y.mjs and screenshots.mjs.
//
// Serves one folder on 127.0.0.1 (a free port chosen by the OS), maps
// `/x/` to `x/index.html`, redirects `/x` to `/x/` when x is a folder,
// answers unknown paths with the site's 404.html (status 404), and refuses
// any path that would leave the folder (403).

import http from "node:http";
import fs from "node:fs";
import path from "node:path";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/** Resolve a URL pathname to a file inside `root`, or null if it escapes. */
export function resolveInside(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  // Reject any `..` segment outright rather than normalising it away.
  if (decoded.split("/").some((seg) => seg === "..")) return null;
  const full = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  const rel = path.relative(root, full);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return full;
}

/** Start serving `folder`. Resolves to { server, origin, close() }. */
export async function serve(folder) {
  const root = fs.realpathSync(path.resolve(folder));
  const send = (res, status, body, type = "text/plain; charset=utf-8") => {
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(res, 405, "method not allowed\n");
    }
    const url = new URL(req.url, "http://127.0.0.1");
    let file = resolveInside(root, url.pathname);
    if (!file) return send(res, 403, "forbidden\n");
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { Location: url.pathname + "/" + url.search });
        return res.end();
      }
      file = path.join(file, "index.html");
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    // Symlinks must not lead outside the folder either.
    if (stat && stat.isFile()) {
      const real = fs.realpathSync(file);
      const rel = path.relative(root, real);
      if (rel.startsWith("..") || path.isAbsolute(rel)) return send(res, 403, "forbidden\n");
      res.writeHead(200, {
        "Content-Type": contentType(real),
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
      });
      if (req.method === "HEAD") return res.end();
      return fs.createReadStream(real).pipe(res);
    }
    const notFound = path.join(root, "404.html");
    if (fs.existsSync(notFound)) {
      return send(res, 404, fs.readFileSync(notFound), TYPES[".html"]);
    }
    return send(res, 404, "not found\n");
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    server,
    root,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every index.html and 404.html under `root`, as site-relative URL paths. */
export function listPages(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && (entry.name === "index.html" || entry.name === "404.html")) {
        const rel = path.relative(root, full).split(path.sep).join("/");
        out.push(entry.name === "index.html" ? "/" + rel.slice(0, -"index.html".length) : "/" + rel);
      }
    }
  };
  walk(root);
  return out.sort();
}

/** True when a request URL stays on this machine's server (or never leaves the page). */
export function isLocal(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
  return u.hostname === "127.0.0.1";
}

/** Fail early, with a way out, when Chromium is missing. */
export function requireChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `Chromium not found at ${CHROMIUM}.\n` +
        "Install it with: apt-get update && apt-get install -y chromium\n" +
        "(or point CHROMIUM at another Chromium binary).",
    );
    process.exit(1);
  }
}
