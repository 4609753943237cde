// Colour maths shared by the browser checks: WCAG 2.x relative luminance
// and contrast ratio, readers for "#rgb"/"#rrggbb" and for the colours
// Chromium computes ("rgb(...)", "rgba(...)", "color(srgb ...)"), and
// alpha compositing.
//
// Colours are [r, g, b] arrays of 0..255 sRGB channels; a colour with
// alpha is [r, g, b, a], a from 0 to 1.

/** "#abc" or "#aabbcc" to [r, g, b], or null for anything else. */
export function parseHex(value) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value).trim());
  if (!m) return null;
  let h = m[1];
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance([r, g, b]) {
  const lin = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [r, g, b] as "#rrggbb", for reports. */
export function toHex(rgb) {
  return "#" + rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
}

/**
 * A CSS colour as [r, g, b, a], or null when it is none of "#rgb", "#rgba",
 * "#rrggbb", "#rrggbbaa", "rgb()"/"rgba()" (comma or space syntax) or
 * "color(srgb ...)": a caller treats null as a finding, never as "nothing
 * to check".
 */
export function parseColour(value) {
  const v = String(value ?? "").trim().toLowerCase();
  let m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v);
  if (m) {
    let h = m[1];
    if (h.length <= 4) h = [...h].map((c) => c + c).join("");
    const c = [0, 2, 4, 6].slice(0, h.length / 2).map((i) => parseInt(h.slice(i, i + 2), 16));
    return [c[0], c[1], c[2], c.length === 4 ? c[3] / 255 : 1];
  }
  const num = (t, scale) => {
    if (t === undefined) return NaN;
    if (t === "none") return 0;
    return t.endsWith("%") ? (parseFloat(t) / 100) * scale : parseFloat(t);
  };
  const args = (inner) => {
    const [main, alpha] = inner.split("/");
    const parts = main.split(/[\s,]+/).filter(Boolean);
    if (alpha === undefined && parts.length === 4) return { parts: parts.slice(0, 3), alpha: parts[3] };
    return { parts, alpha: alpha?.trim() };
  };
  m = /^rgba?\(([^()]*)\)$/.exec(v);
  if (m) {
    const { parts, alpha } = args(m[1]);
    if (parts.length !== 3) return null;
    const c = [...parts.map((t) => num(t, 255)), alpha === undefined ? 1 : num(alpha, 1)];
    return c.every(Number.isFinite) ? c : null;
  }
  m = /^color\(srgb\s+([^()]*)\)$/.exec(v);
  if (m) {
    const { parts, alpha } = args(m[1]);
    if (parts.length !== 3) return null;
    const c = [...parts.map((t) => num(t, 1) * 255), alpha === undefined ? 1 : num(alpha, 1)];
    return c.every(Number.isFinite) ? c : null;
  }
  return null;
}

/** `top` ([r, g, b, a]) painted over the opaque `bottom` ([r, g, b]). */
export function over(top, bottom) {
  const a = top[3] ?? 1;
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a));
}

/**
 * The opaque colour of a stack of layers, topmost first ([r, g, b, a]
 * each), over `canvas` ([r, g, b]) when none of them is opaque.
 */
export function flatten(layers, canvas) {
  const opaque = layers.findIndex((l) => (l[3] ?? 1) >= 1);
  const used = opaque < 0 ? layers : layers.slice(0, opaque + 1);
  let colour = opaque < 0 ? canvas : used[used.length - 1].slice(0, 3);
  for (const l of used.slice(0, opaque < 0 ? used.length : -1).reverse()) colour = over(l, colour);
  return colour;
}
