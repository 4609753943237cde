#!/usr/bin/env node
// Does a fixture site use every front matter field cairn accepts?
//
//   node fields.mjs SITE_ROOT
//
// Reads the JSON Schema of every kind from `cairn schema` (CAIRN: the cairn
// binary, default "cairn") and the front matter keys of every .md file of
// that kind under SITE_ROOT/content/, and fails listing each field (nested
// ones such as agenda's `detail` included) that no file of that kind uses.
// A kind the table below does not know is looked for in content/KINDs/, so
// a new collection makes this fail until the fixture has a file of it.
// Keys are read line by line (block style, `key:` or `- key:`), not inside
// flow mappings such as `{time: 18:00}`: write the fixture in block style.
// Exit 0 when every field is used, 1 otherwise, 2 on a usage error.

import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";

const PLACES = {
  program: "_program.md",
  year: "years",
  module: "modules",
  session: "sessions",
  reading: "readings",
  prompt: "prompts",
  person: "people",
  project: "projects",
  page: "pages",
};

/** Property names anywhere in a schema, nested objects and $defs included. */
function schemaFields(v, out = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => schemaFields(x, out));
  else if (v && typeof v === "object") {
    if (v.properties && typeof v.properties === "object") Object.keys(v.properties).forEach((k) => out.add(k));
    Object.values(v).forEach((x) => schemaFields(x, out));
  }
  return out;
}

/** Every .md file at or under `place`. */
function mdFiles(place) {
  if (!fs.existsSync(place)) return [];
  if (fs.statSync(place).isFile()) return [place];
  return fs.readdirSync(place, { recursive: true }).map((f) => path.join(place, f)).filter((f) => f.endsWith(".md"));
}

/** Front matter keys of one file (block style). */
function keys(file) {
  const lines = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const out = new Set();
  if (lines[0] !== "---") return out;
  for (const line of lines.slice(1)) {
    if (line === "---") break;
    const m = /^\s*(?:-\s+)*([A-Za-z_][A-Za-z0-9_-]*)\s*:(?:\s|$)/.exec(line);
    if (m) out.add(m[1]);
  }
  return out;
}

const root = process.argv[2];
if (!root || !fs.existsSync(path.join(root, "content", "_program.md"))) {
  console.error("usage: node fields.mjs SITE_ROOT (a folder with content/_program.md)");
  process.exit(2);
}
const schemas = JSON.parse(execFileSync(process.env.CAIRN || "cairn", ["schema"], { encoding: "utf8" }));
const missing = [];
let total = 0;
for (const [kind, schema] of Object.entries(schemas)) {
  const place = path.join(root, "content", PLACES[kind] || `${kind}s`);
  const files = mdFiles(place);
  const used = new Set(files.flatMap((f) => [...keys(f)]));
  const fields = [...schemaFields(schema)].sort();
  total += fields.length;
  if (!files.length) missing.push(`${kind}: no file at ${path.relative(root, place)}`);
  else {
    const unused = fields.filter((f) => !used.has(f));
    if (unused.length) missing.push(`${kind}: never uses ${unused.join(", ")}`);
  }
}
if (missing.length) {
  console.log(`fields: FAILED — ${root} does not use every front matter field of \`cairn schema\`:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log(`fields: OK — ${root} uses all ${total} front matter fields of ${Object.keys(schemas).length} kinds`);
