/* dyads page: small SVG drawing code (no libraries) — the dyad timeline and the network of dyads.
 * Everything here builds DOM nodes; data is only ever set as text or attribute values, never parsed as markup. */
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";

/** Create an SVG element with attributes and children (strings become text nodes). */
function svgEl(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

/** CAMEO root -> colour: blues for verbal cooperation (01-05), greens for material cooperation (06-08),
 * oranges for verbal conflict (09-13), reds for material conflict (14-20). */
const ROOT_COLOURS = {
  "01": "#c6dbef", "02": "#9ecae1", "03": "#6baed6", "04": "#4292c6", "05": "#2171b5",
  "06": "#74c476", "07": "#31a354", "08": "#006d2c",
  "09": "#fdd0a2", "10": "#fdae6b", "11": "#fd8d3c", "12": "#e6550d", "13": "#a63603",
  "14": "#fcbba1", "15": "#fc9272", "16": "#fb6a4a", "17": "#ef3b2c", "18": "#cb181d", "19": "#a50f15",
  "20": "#67000d",
};

function rootColour(root) { return ROOT_COLOURS[root] || "#999"; }

/** Goldstein (-10..10) -> colour from red through grey to blue. */
function goldsteinColour(g) {
  if (g === null || g === undefined || Number.isNaN(g)) return "#9aa3ad";
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [154, 163, 173], blue = [33, 113, 181], red = [194, 65, 45];
  const to = t >= 0 ? blue : red, a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (to[i] - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** The period label a date falls in, for a bucket size. */
function periodOf(date, freq) {
  if (!date) return null;
  if (freq === "year") return date.slice(0, 4);
  if (date.length < 7) return null;
  if (freq === "quarter") return `${date.slice(0, 4)}-Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}`;
  return date.slice(0, 7);
}

/** Every period from `first` to `last` inclusive (so gaps in the data show as gaps in time). */
function periodRange(first, last, freq) {
  const out = [];
  const key = (y, i) => freq === "year" ? `${y}` : freq === "quarter" ? `${y}-Q${i + 1}`
    : `${y}-${String(i + 1).padStart(2, "0")}`;
  const per = freq === "year" ? 1 : freq === "quarter" ? 4 : 12;
  const parse = (p) => freq === "year" ? [+p, 0] : freq === "quarter" ? [+p.slice(0, 4), +p.slice(6) - 1]
    : [+p.slice(0, 4), +p.slice(5, 7) - 1];
  let [y, i] = parse(first);
  const [ly, li] = parse(last);
  while ((y < ly || (y === ly && i <= li)) && out.length < 1200) {
    out.push(key(y, i));
    i += 1;
    if (i >= per) { i = 0; y += 1; }
  }
  return out;
}

/** The first and last day-prefixes a period covers, for filtering events (since/until). */
function periodBounds(period) {
  if (/^\d{4}$/.test(period)) return [period, period];
  const q = period.match(/^(\d{4})-Q(\d)$/);
  if (q) {
    const m0 = (+q[2] - 1) * 3 + 1;
    return [`${q[1]}-${String(m0).padStart(2, "0")}`, `${q[1]}-${String(m0 + 2).padStart(2, "0")}`];
  }
  return [period, period];
}

function niceMax(v) {
  if (v <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/**
 * Draw the dyad timeline into `container`: per period a bar stacked by CAMEO root (counts, left axis), the mean
 * Goldstein as a line (right axis, -10..10), a ▲ over periods with events that name weapons, and a ◆ per arms-ledger
 * row under the axis. opts: {names, since, until, selected, onPeriod(period), onArms(row), tip(el, text)}.
 */
function drawTimeline(container, data, opts) {
  container.replaceChildren();
  const freq = data.freq;
  const byPeriod = new Map(data.periods.map((p) => [p.period, p]));
  const armsPeriods = data.arms.map((r) => periodOf(r.first_date, freq)).filter(Boolean);
  const known = [...byPeriod.keys(), ...armsPeriods].sort();
  let first = opts.since ? periodOf(opts.since.length === 4 ? opts.since + "-01" : opts.since, freq) : known[0];
  let last = opts.until ? periodOf(opts.until.length === 4 ? opts.until + "-12" : opts.until, freq) : known[known.length - 1];
  if (!first || !last) {
    container.append(Object.assign(document.createElement("p"), {className: "empty",
      textContent: "No dated events between these two actors" + (data.undated ? ` (${data.undated} without a usable date).` : ".")}));
    return;
  }
  if (known.length && known[0] < first && !opts.since) first = known[0];
  const periods = periodRange(first, last, freq);
  const W = Math.max(container.clientWidth || 760, 420), H = 300;
  const m = {l: 40, r: 44, t: 14, b: 58};
  const pw = W - m.l - m.r, ph = H - m.t - m.b;
  const step = pw / Math.max(periods.length, 1);
  const barW = Math.max(1, Math.min(40, step * 0.78));
  const maxN = niceMax(Math.max(1, ...data.periods.map((p) => p.events)));
  const yN = (n) => m.t + ph - (n / maxN) * ph;
  const yG = (g) => m.t + ph / 2 - (g / 10) * (ph / 2);
  const x = (i) => m.l + step * i + step / 2;
  const svg = svgEl("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Timeline of ${data.a} and ${data.b}`});

  // axes and grid
  for (const n of [0, maxN / 2, maxN]) {
    svg.append(svgEl("line", {x1: m.l, x2: W - m.r, y1: yN(n), y2: yN(n), class: "axis", opacity: n ? 0.25 : 1}));
    svg.append(svgEl("text", {x: m.l - 6, y: yN(n) + 4, "text-anchor": "end"}, String(Math.round(n))));
  }
  svg.append(svgEl("line", {x1: m.l, x2: W - m.r, y1: yG(0), y2: yG(0), class: "zero"}));
  for (const g of [-10, 0, 10]) {
    svg.append(svgEl("text", {x: W - m.r + 6, y: yG(g) + 4}, (g > 0 ? "+" : "") + g));
  }
  svg.append(svgEl("text", {x: 4, y: m.t + 4, transform: `rotate(90 4 ${m.t + 4})`}, "events"));
  svg.append(svgEl("text", {x: W - 4, y: m.t + ph, transform: `rotate(-90 ${W - 4} ${m.t + ph})`}, "Goldstein"));

  // bars
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(pw / 58)));
  periods.forEach((period, i) => {
    const p = byPeriod.get(period);
    const g = svgEl("g", {class: "period" + (opts.selected === period ? " selected" : ""), "data-period": period});
    g.append(svgEl("rect", {class: "bg", x: m.l + step * i, y: m.t, width: step, height: ph, fill: "transparent"}));
    if (p) {
      let acc = 0;
      for (const [root, n] of Object.entries(p.by_root)) {
        const y0 = yN(acc + n), h = yN(acc) - yN(acc + n);
        g.append(svgEl("rect", {class: "bar", x: x(i) - barW / 2, y: y0, width: barW, height: Math.max(h, 0.5),
                                fill: rootColour(root)}));
        acc += n;
      }
      if (p.arms_events) {
        g.append(svgEl("path", {d: `M${x(i)} ${yN(acc) - 9} l-4 6 h8 z`, fill: "#5b3fa8"}));
      }
      const roots = Object.entries(p.by_root).map(([r, n]) => `  ${r} ${(opts.names || {})[r] || ""}: ${n}`).join("\n");
      const gm = p.goldstein_mean === null ? "—" : (p.goldstein_mean > 0 ? "+" : "") + p.goldstein_mean.toFixed(2);
      const text = `${period}: ${p.events} events (${data.a}→${data.b} ${p.ab}, ${data.b}→${data.a} ${p.ba})\n` +
        `mean Goldstein ${gm}` + (p.arms_events ? `\n▲ ${p.arms_events} naming weapons` : "") + `\n${roots}\nclick: list these events`;
      opts.tip(g, text);
    }
    g.addEventListener("click", () => opts.onPeriod(period));
    svg.append(g);
    if (i % labelEvery === 0) {
      svg.append(svgEl("text", {x: x(i), y: m.t + ph + 14, "text-anchor": "middle"}, period));
    }
  });

  // Goldstein line through the periods that have events (a trend: gaps are bridged)
  let d = "";
  periods.forEach((period, i) => {
    const p = byPeriod.get(period);
    if (p && p.goldstein_mean !== null) d += `${d ? "L" : "M"}${x(i).toFixed(1)} ${yG(p.goldstein_mean).toFixed(1)} `;
  });
  svg.append(svgEl("path", {d, class: "gline"}));
  periods.forEach((period, i) => {
    const p = byPeriod.get(period);
    if (p && p.goldstein_mean !== null) {
      svg.append(svgEl("circle", {cx: x(i), cy: yG(p.goldstein_mean), r: 3, class: "gdot",
                                  fill: goldsteinColour(p.goldstein_mean)}));
    }
  });

  // arms-ledger rows under the axis
  const stripY = m.t + ph + 32;
  svg.append(svgEl("text", {x: m.l - 6, y: stripY + 4, "text-anchor": "end"}, "arms"));
  const stacked = new Map();
  data.arms.forEach((row) => {
    const period = periodOf(row.first_date, freq);
    const i = periods.indexOf(period);
    if (i < 0) return;
    const k = stacked.get(period) || 0;
    stacked.set(period, k + 1);
    const cx = x(i) + (k % 4) * 9 - (k % 4 ? 0 : 0), cy = stripY + Math.floor(k / 4) * 9;
    const mark = svgEl("path", {d: `M${cx} ${cy - 5} l5 5 l-5 5 l-5 -5 z`, class: "arms-mark",
                                fill: row.status === "delivered" ? "#2f7d32" : row.status === "cancelled" ? "#c2412d" : "#5b3fa8",
                                "data-testid": "arms-mark"});
    opts.tip(mark, `${row.supplier} → ${row.recipient}: ${row.weapon} (${row.category || "?"})\n${row.status}` +
      (row.number ? `, ${row.number} units` : "") + `\n${row.first_date || ""}` +
      (row.last_date && row.last_date !== row.first_date ? ` – ${row.last_date}` : "") + "\nclick: the sentences");
    mark.addEventListener("click", (ev) => { ev.stopPropagation(); opts.onArms(row); });
    svg.append(mark);
  });
  container.append(svg);
}

/**
 * Draw the most active dyads as a network: actors on a circle, one curved line per directed dyad (width by count,
 * colour by mean Goldstein), the selected dyad highlighted. opts: {a, b, names, onDyad(s, t), onActor(x), tip}.
 */
function drawNetwork(container, dyads, opts) {
  container.replaceChildren();
  if (!dyads.length) {
    container.append(Object.assign(document.createElement("p"), {className: "empty", textContent: "No dyads yet."}));
    return;
  }
  const totals = new Map();
  for (const d of dyads) {
    totals.set(d.source, (totals.get(d.source) || 0) + d.events);
    totals.set(d.target, (totals.get(d.target) || 0) + d.events);
  }
  // order actors so that partners sit near each other: greedy by strongest tie
  const nodes = [...totals.keys()].sort((p, q) => totals.get(q) - totals.get(p) || (p < q ? -1 : 1));
  const W = Math.max(container.clientWidth || 480, 320), H = Math.min(560, Math.max(360, W * 0.95));
  const cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 42;
  const pos = new Map(nodes.map((n, i) => {
    const ang = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    return [n, [cx + R * Math.cos(ang), cy + R * Math.sin(ang), ang]];
  }));
  const maxE = Math.max(...dyads.map((d) => d.events));
  const maxT = Math.max(...totals.values());
  const svg = svgEl("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Network of the most active dyads"});
  const defs = svgEl("defs", {});
  defs.append(svgEl("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
                               markerUnits: "userSpaceOnUse", orient: "auto"}, svgEl("path", {d: "M0 0 L10 5 L0 10 z", fill: "#55606e"})));
  svg.append(defs);
  const sel = (s, t) => opts.a && opts.b && ((s === opts.a && t === opts.b) || (s === opts.b && t === opts.a));
  const ordered = [...dyads].sort((p, q) => (sel(p.source, p.target) ? 1 : 0) - (sel(q.source, q.target) ? 1 : 0));
  for (const d of ordered) {
    const [x1, y1] = pos.get(d.source), [x2, y2] = pos.get(d.target);
    const nr = (n) => 6 + 12 * Math.sqrt(totals.get(n) / maxT);
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const ux = dx / len, uy = dy / len;
    const sx = x1 + ux * nr(d.source), sy = y1 + uy * nr(d.source);
    const ex = x2 - ux * (nr(d.target) + 2), ey = y2 - uy * (nr(d.target) + 2);
    const bend = 0.12 * len;  // curve to the right of travel: the two directions of a dyad do not overlap
    const mx = (sx + ex) / 2 - uy * bend, my = (sy + ey) / 2 + ux * bend;
    const path = svgEl("path", {
      d: `M${sx.toFixed(1)} ${sy.toFixed(1)} Q${mx.toFixed(1)} ${my.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`,
      class: "edge" + (sel(d.source, d.target) ? " selected" : ""), stroke: goldsteinColour(d.mean_goldstein),
      "stroke-width": (1.2 + 7 * Math.sqrt(d.events / maxE)).toFixed(1), "marker-end": "url(#arrow)",
      "stroke-opacity": 0.85, "data-dyad": `${d.source}-${d.target}`,
    });
    const gm = d.mean_goldstein === null ? "—" : (d.mean_goldstein > 0 ? "+" : "") + d.mean_goldstein;
    opts.tip(path, `${d.source} → ${d.target}: ${d.events} events, mean Goldstein ${gm}` +
      (d.arms_events ? `, ${d.arms_events} naming weapons` : "") + "\nclick: open this dyad");
    path.addEventListener("click", () => opts.onDyad(d.source, d.target));
    svg.append(path);
  }
  for (const n of nodes) {
    const [x, y, ang] = pos.get(n);
    const r = 6 + 12 * Math.sqrt(totals.get(n) / maxT);
    const g = svgEl("g", {class: "node" + (n === opts.a || n === opts.b ? " selected" : ""), "data-actor": n});
    g.append(svgEl("circle", {cx: x, cy: y, r}));
    const lx = x + Math.cos(ang) * (r + 12), ly = y + Math.sin(ang) * (r + 12) + 4;
    const anchor = Math.abs(Math.cos(ang)) < 0.3 ? "middle" : Math.cos(ang) > 0 ? "start" : "end";
    g.append(svgEl("text", {x: lx, y: ly, "text-anchor": anchor}, n));
    opts.tip(g, `${n} ${(opts.names || {})[n] || ""}: ${totals.get(n)} events in these dyads\nclick: make it actor A`);
    g.addEventListener("click", () => opts.onActor(n));
    svg.append(g);
  }
  container.append(svg);
}
