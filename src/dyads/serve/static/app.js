/* dyads page: pick two actors; see their timeline, arms deals, events, and each event's evidence.
 * State lives in `state` and in the URL hash (#a=CHN&b=PAK&since=2021-01...), so a view can be bookmarked. */
"use strict";

const $ = (sel) => document.querySelector(sel);

const state = {
  a: null, b: null, since: "", until: "", freq: "month",
  direction: "both", root: "", plover: "", q: "", arms: false, period: null,
  sort: ["-date"], offset: 0, limit: 50,
};
const ref = {names: {}, roots: {}, info: null, dyads: [], timeline: null};
let eventsRequest = 0;
let timelineRequest = 0;

/** Build an HTML element; children that are strings become text (never markup). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
    else if (v !== null && v !== undefined && v !== "" && v !== false) url.searchParams.set(k, v);
  }
  const res = await fetch(url, {headers: {accept: "application/json"}});
  if (!res.ok) {
    let detail = res.statusText;
    try { detail = JSON.stringify((await res.json()).detail); } catch (e) { /* keep statusText */ }
    throw new Error(`${res.status} ${detail}`);
  }
  return res.json();
}

// -- tooltip ----------------------------------------------------------------------------------------------------
const tooltip = () => $("#tooltip");
function tip(el, text) {
  el.addEventListener("mousemove", (ev) => {
    const t = tooltip();
    t.textContent = text;
    t.hidden = false;
    t.style.left = Math.min(ev.clientX + 14, window.innerWidth - 370) + "px";
    t.style.top = (ev.clientY + 14) + "px";
  });
  el.addEventListener("mouseleave", () => { tooltip().hidden = true; });
}

// -- formatting -------------------------------------------------------------------------------------------------
const label = (code) => code ? (ref.names[code] ? `${code} (${ref.names[code]})` : code) : "—";
const nameOf = (code) => ref.names[code] || code;
const signed = (g, digits = 1) => g === null || g === undefined ? "—" : (g > 0 ? "+" : "") + g.toFixed(digits);
function money(value, currency) {
  if (!value) return "";
  const units = [[1e12, "tn"], [1e9, "bn"], [1e6, "m"], [1e3, "k"]];
  for (const [n, u] of units) if (value >= n) return `${currency || ""} ${+(value / n).toFixed(2)} ${u}`.trim();
  return `${currency || ""} ${value}`.trim();
}
function tone(g) {
  if (g === null || g === undefined) return "";
  if (g >= 3) return "cooperative"; if (g > 0.5) return "mildly cooperative";
  if (g <= -3) return "hostile"; if (g < -0.5) return "mildly hostile"; return "neutral";
}

// -- URL hash ---------------------------------------------------------------------------------------------------
function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  for (const k of ["a", "b", "since", "until", "freq"]) if (p.get(k)) state[k] = p.get(k);
}
function writeHash() {
  const p = new URLSearchParams();
  for (const k of ["a", "b", "since", "until", "freq"]) if (state[k]) p.set(k, state[k]);
  history.replaceState(null, "", "#" + p.toString());
}

// -- loading ----------------------------------------------------------------------------------------------------
async function init() {
  readHash();
  const [info, codes, actors, dyads] = await Promise.all([
    api("/api/info"), api("/api/codes"), api("/api/actors", {limit: 1000}), api("/api/dyads", {limit: 30}),
  ]);
  ref.info = info;
  ref.roots = codes.cameo_roots;
  ref.dyads = dyads;
  for (const a of actors) if (a.name) ref.names[a.actor] = a.name;
  $("#db-info").textContent = `${info.events.toLocaleString()} events from ${info.documents.toLocaleString()} ` +
    `articles, ${info.arms.toLocaleString()} arms-ledger rows` +
    (info.first_date ? `, ${info.first_date} – ${info.last_date}` : "") + (info.ingest ? " · ingest enabled" : "");
  for (const sel of [$("#actor-a"), $("#actor-b")]) {
    sel.replaceChildren(...actors.map((a) => h("option", {value: a.actor},
      `${a.actor}${a.name ? " — " + a.name : ""} (${a.events.toLocaleString()})`)));
  }
  $("#root").append(...Object.entries(codes.cameo_roots).sort().map(([r, n]) => h("option", {value: r}, `${r} ${n}`)));
  $("#plover").append(...codes.plover.map((p) => h("option", {value: p}, p)));
  $("#legend").replaceChildren(
    ...Object.entries(codes.cameo_roots).sort().map(([r, n]) => {
      const sw = h("i"); sw.style.background = rootColour(r);
      return h("span", {"data-root": r, title: n}, sw, `${r} ${n.toLowerCase()}`);
    }),
    h("span", {}, "— mean Goldstein (right axis)"), h("span", {}, "▲ events naming weapons"),
    h("span", {}, "◆ arms-ledger row (click)"));
  if (!state.a || !state.b) {
    const isState = (c) => /^[A-Z]{3}$/.test(c);
    const top = dyads.find((d) => isState(d.source) && isState(d.target)) || dyads[0];
    if (top) { state.a = state.a || top.source; state.b = state.b || top.target; }
  }
  ensureOption($("#actor-a"), state.a); ensureOption($("#actor-b"), state.b);
  $("#actor-a").value = state.a || ""; $("#actor-b").value = state.b || "";
  $("#since").value = state.since; $("#until").value = state.until; $("#freq").value = state.freq;
  wire();
  await refresh();
  document.body.dataset.ready = "1";
}

function ensureOption(sel, code) {
  if (code && ![...sel.options].some((o) => o.value === code)) sel.append(h("option", {value: code}, code));
}

async function refresh() {
  writeHash();
  state.offset = 0;
  state.period = null;
  await Promise.all([loadTimeline(), loadEvents()]);
  drawNet();
}

async function loadTimeline() {
  if (!state.a || !state.b) return;
  const mine = ++timelineRequest;
  const data = await api("/api/timeline", {a: state.a, b: state.b, freq: state.freq, since: state.since,
                                           until: state.until});
  if (mine !== timelineRequest) return;  // a newer request is on its way: an older answer must not overwrite it
  ref.timeline = data;
  const note = data.undated ? `(${data.undated} event${data.undated > 1 ? "s" : ""} dated too coarsely to place)` : "";
  $("#timeline-note").textContent = note;
  redrawTimeline();
  renderArms(data.arms);
  renderSummary(data);
}

function redrawTimeline() {
  if (!ref.timeline) return;
  const present = new Set(ref.timeline.periods.flatMap((p) => Object.keys(p.by_root)));
  for (const span of document.querySelectorAll("#legend span[data-root]")) span.hidden = !present.has(span.dataset.root);
  drawTimeline($("#timeline"), ref.timeline, {
    names: ref.roots, since: state.since, until: state.until, selected: state.period, tip,
    onPeriod: (period) => { state.period = state.period === period ? null : period; state.offset = 0;
      redrawTimeline(); loadEvents(); },
    onArms: (row) => openArmsEvidence(row),
  });
}

function drawNet() {
  drawNetwork($("#network"), ref.dyads, {
    a: state.a, b: state.b, names: ref.names, tip,
    onDyad: (s, t) => selectDyad(s, t),
    onActor: (x) => selectDyad(x, state.b === x ? state.a : state.b),
  });
}

function selectDyad(a, b) {
  state.a = a; state.b = b;
  ensureOption($("#actor-a"), a); ensureOption($("#actor-b"), b);
  $("#actor-a").value = a; $("#actor-b").value = b;
  refresh();
}

// -- summary: the answer in words -------------------------------------------------------------------------------
function renderSummary(data) {
  const el = $("#summary");
  const ps = data.periods;
  const total = ps.reduce((s, p) => s + p.events, 0);
  const ab = ps.reduce((s, p) => s + p.ab, 0), ba = total - ab;
  const mean = (list) => {
    const w = list.reduce((s, p) => s + (p.goldstein_mean === null ? 0 : p.goldstein_sum), 0);
    const n = list.reduce((s, p) => s + (p.goldstein_mean === null ? 0 : p.events), 0);
    return n ? w / n : null;
  };
  const head = h("b", {}, `${nameOf(data.a)} ↔ ${nameOf(data.b)}`);
  if (!total) {
    el.replaceChildren(head, ": no dated events between them" + (state.since || state.until ? " in this period." : "."),
      data.arms.length ? ` ${data.arms.length} arms-ledger rows below.` : "");
    return;
  }
  const g = mean(ps);
  const parts = [head, `, ${ps[0].period} – ${ps[ps.length - 1].period}: `, h("b", {}, `${total} events`),
    ` (${data.a} → ${data.b} ${ab}, ${data.b} → ${data.a} ${ba}), mean Goldstein `,
    h("span", {class: g >= 0 ? "up" : "down"}, signed(g)), ` (${tone(g)}).`];
  if (ps.length >= 2) {
    const mid = Math.ceil(ps.length / 2);
    const g1 = mean(ps.slice(0, mid)), g2 = mean(ps.slice(mid));
    if (g1 !== null && g2 !== null) {
      const delta = g2 - g1;
      const moved = Math.abs(delta) < 0.5 ? "held steady" : delta > 0 ? "improved" : "worsened";
      parts.push(` Relations ${moved}: `, h("span", {class: g1 >= 0 ? "up" : "down"}, signed(g1)),
        ` (${ps[0].period} – ${ps[mid - 1].period}) → `, h("span", {class: g2 >= 0 ? "up" : "down"}, signed(g2)),
        ` (${ps[mid].period} – ${ps[ps.length - 1].period}).`);
    }
  }
  const roots = {};
  for (const p of ps) for (const [r, n] of Object.entries(p.by_root)) roots[r] = (roots[r] || 0) + n;
  const topRoots = Object.entries(roots).sort((x, y) => y[1] - x[1]).slice(0, 3);
  parts.push(" Mostly: " + topRoots.map(([r, n]) => `${(ref.roots[r] || r).toLowerCase()} (${n})`).join(", ") + ".");
  if (data.arms.length) {
    parts.push(h("br"), h("b", {}, `Arms: ${data.arms.length} deal${data.arms.length > 1 ? "s" : ""} reported`), " — ",
      ...data.arms.slice(0, 4).flatMap((r, i) => [i ? "; " : "", h("button", {class: "link", type: "button",
        onclick: () => openArmsEvidence(r)}, armsText(r))]),
      data.arms.length > 4 ? `; and ${data.arms.length - 4} more below.` : ".");
  } else {
    parts.push(h("br"), "No arms deals reported between them.");
  }
  el.replaceChildren(...parts);
}

function armsText(r) {
  const bits = [`${r.supplier} → ${r.recipient} ${r.weapon}`, r.status];
  if (r.number) bits.push(`${r.number} units`);
  if (r.value) bits.push(money(r.value, r.currency));
  if (r.first_date) bits.push(r.first_date);
  return bits.join(", ");
}

// -- arms table -------------------------------------------------------------------------------------------------
function renderArms(rows) {
  const box = $("#arms");
  if (!rows.length) { box.replaceChildren(h("p", {class: "empty"}, "No arms-ledger rows between these two.")); return; }
  box.replaceChildren(h("table", {class: "arms-table"},
    h("thead", {}, h("tr", {}, ["supplier → recipient", "weapon", "status", "number", "value", "dates", "sentences"]
      .map((c) => h("th", {}, c)))),
    h("tbody", {}, rows.map((r) => h("tr", {"data-testid": "arms-row"},
      h("td", {}, `${r.supplier} → ${r.recipient}`),
      h("td", {}, r.weapon, h("span", {class: "muted"}, r.category ? ` ${r.category}` : "")),
      h("td", {}, h("span", {class: `status ${r.status}`}, r.status)),
      h("td", {class: "num"}, r.number ? String(r.number) : ""),
      h("td", {}, money(r.value, r.currency)),
      h("td", {}, (r.first_date || "") + (r.last_date && r.last_date !== r.first_date ? ` – ${r.last_date}` : "")),
      h("td", {}, (r.evidence || []).map((e, i) => h("button", {class: "link", type: "button", title: e.sentence,
        onclick: () => e.event_id && openEvidence(e.event_id)}, `[${i + 1}]`, " "))))))));
}

function openArmsEvidence(row) {
  const first = (row.evidence || []).find((e) => e.event_id);
  if (first) openEvidence(first.event_id);
}

// -- events table -----------------------------------------------------------------------------------------------
function eventParams() {
  const p = {limit: state.limit, offset: state.offset, sort: state.sort, root: state.root, plover: state.plover,
             q: state.q.trim().length >= 2 ? state.q.trim() : "", arms: state.arms};
  if (state.direction === "both") Object.assign(p, {source: state.a, target: state.b, either: true});
  else if (state.direction === "ab") Object.assign(p, {source: state.a, target: state.b});
  else if (state.direction === "ba") Object.assign(p, {source: state.b, target: state.a});
  if (state.period) { const [s, u] = periodBounds(state.period); p.since = s; p.until = u; }
  else { p.since = state.since; p.until = state.until; }
  return p;
}

async function loadEvents() {
  const mine = ++eventsRequest;
  const chip = $("#period-filter");
  chip.hidden = !state.period;
  chip.textContent = state.period ? `${state.period} ×` : "";
  let page;
  try {
    page = await api("/api/events", eventParams());
  } catch (err) {
    $("#events tbody").replaceChildren(h("tr", {}, h("td", {colspan: 9, class: "empty"}, String(err.message))));
    return;
  }
  if (mine !== eventsRequest) return;  // a newer request is on its way
  const tbody = $("#events tbody");
  tbody.replaceChildren(...page.events.map(eventRow));
  if (!page.events.length) tbody.append(h("tr", {}, h("td", {colspan: 9, class: "empty"}, "No events match.")));
  $("#events-count").textContent = `${page.total.toLocaleString()} matching`;
  const end = Math.min(page.offset + page.events.length, page.total);
  $("#page-info").textContent = page.total ? `${page.offset + 1}–${end} of ${page.total.toLocaleString()}` : "";
  $("#prev").disabled = page.offset === 0;
  $("#next").disabled = end >= page.total;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    const key = th.dataset.sort;
    th.classList.toggle("sorted-asc", state.sort[0] === key);
    th.classList.toggle("sorted-desc", state.sort[0] === "-" + key);
  }
}

function sentenceWithTrigger(sentence, trigger) {
  const i = trigger ? sentence.toLowerCase().indexOf(trigger.toLowerCase()) : -1;
  if (i < 0) return [sentence];
  return [sentence.slice(0, i), h("strong", {}, sentence.slice(i, i + trigger.length)),
          sentence.slice(i + trigger.length)];
}

function eventRow(e) {
  const g = e.goldstein;
  const arms = e.weapons && e.weapons.length ? h("span", {title: e.weapons.map((w) => w.name).join(", ")}, " ▲") : null;
  return h("tr", {"data-event-id": e.event_id, onclick: () => openEvidence(e.event_id)},
    h("td", {}, e.date || "—"),
    h("td", {title: label(e.source.code)}, e.source.code || "—"),
    h("td", {title: e.target ? label(e.target.code) : ""}, e.target ? e.target.code : "—"),
    h("td", {}, `${e.cameo} `, h("span", {class: "muted"}, e.cameo_name || "")),
    h("td", {}, e.plover || ""),
    h("td", {class: "num " + (g > 0 ? "g-pos" : g < 0 ? "g-neg" : "")}, signed(g)),
    h("td", {}, e.modality || ""),
    h("td", {class: "num"}, e.confidence === null ? "" : e.confidence.toFixed(2)),
    h("td", {class: "sentence"}, sentenceWithTrigger(e.sentence, e.trigger), arms));
}

// -- evidence ---------------------------------------------------------------------------------------------------
async function openEvidence(eventId) {
  const panel = $("#evidence");
  const body = $("#evidence-body");
  for (const tr of document.querySelectorAll("#events tr.open")) tr.classList.remove("open");
  const row = document.querySelector(`#events tr[data-event-id="${CSS.escape(eventId)}"]`);
  if (row) row.classList.add("open");
  panel.hidden = false;
  body.replaceChildren(h("p", {class: "muted"}, "loading…"));
  let ev;
  try { ev = await api(`/api/events/${encodeURIComponent(eventId)}/evidence`); }
  catch (err) { body.replaceChildren(h("p", {class: "empty"}, String(err.message))); return; }
  const e = ev.event;
  const dl = (pairs) => h("dl", {}, pairs.filter((p) => p[1] !== null && p[1] !== undefined && p[1] !== "")
    .flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  body.replaceChildren(
    h("h3", {}, `${e.date || "undated"} · ${label(e.source.code)} → ${e.target ? label(e.target.code) : "—"}`),
    h("div", {}, h("b", {}, `CAMEO ${e.cameo} ${e.cameo_name || ""}`),
      e.plover ? ` · PLOVER ${e.plover}${e.plover_mode ? " " + e.plover_mode : ""}` : "",
      ` · Goldstein ${signed(e.goldstein)} · ${e.modality} · confidence ${e.confidence.toFixed(2)}`),
    dl([
      ["rule", h("code", {class: "rule", "data-testid": "rule"}, e.rule || "—")],
      ["trigger", e.trigger],
      ["source", `${e.source.text || ""}${e.source.entry ? " — " + e.source.entry : ""}`],
      ["target", e.target ? `${e.target.text || ""}${e.target.entry ? " — " + e.target.entry : ""}` : null],
      ["date", `${e.date || "—"} (${e.date_precision}; from ${e.date_source})`],
      ["weapons", e.weapons.length ? e.weapons.map((w) => `${w.name} (${w.category})`).join(", ") : null],
      ["quantities", e.quantities.length ? e.quantities.map((q) => q.text || `${q.value} ${q.unit || ""}`).join(", ") : null],
      ["location", e.location ? e.location.name : null],
    ]),
    ...ev.sources.map(renderSource));
  const article = body.querySelector(".article");
  const mark = body.querySelector(".article mark");
  if (article && mark) article.scrollTop = Math.max(0, mark.offsetTop - article.offsetTop - 60);
}

function renderSource(s) {
  const [start, end] = s.span;
  const text = s.text;
  const sentence = text.slice(start, end);
  const article = h("div", {class: "article", "data-testid": "article"},
    text.slice(0, start), h("mark", {"data-testid": "highlight"}, sentenceWithTrigger(sentence, s.trigger)),
    text.slice(end));
  const where = [s.title ? h("b", {}, s.title) : null, h("div", {class: "muted"},
    `${s.doc.split("/").pop()} · sentence ${s.sentence_index} · published ${s.date || "date unknown"}` +
    (s.date_source ? ` (date from ${s.date_source})` : ""), s.url ? h("div", {}, s.url) : null)];
  return h("section", {class: "source"},
    h("div", {class: "source-head"}, where), article,
    s.same_sentence.length ? h("div", {class: "source-head"}, "Also coded from this sentence: ",
      s.same_sentence.map((o, i) => [i ? ", " : "", h("button", {class: "link", type: "button",
        onclick: () => openEvidence(o.event_id)}, `${o.source_code} → ${o.target_code || "—"} ${o.cameo}`)])) : null,
    s.copies.length ? h("div", {class: "source-head"}, "Same story also published at: ",
      s.copies.map((c) => c.url || c.doc_id).join(", ")) : null);
}

// -- controls ---------------------------------------------------------------------------------------------------
function wire() {
  $("#actor-a").addEventListener("change", (ev) => { state.a = ev.target.value; refresh(); });
  $("#actor-b").addEventListener("change", (ev) => { state.b = ev.target.value; refresh(); });
  $("#swap").addEventListener("click", () => selectDyad(state.b, state.a));
  const dateInput = (id, key) => $(id).addEventListener("change", (ev) => {
    const v = ev.target.value.trim();
    if (v && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) { ev.target.setCustomValidity("YYYY, YYYY-MM or YYYY-MM-DD"); ev.target.reportValidity(); return; }
    ev.target.setCustomValidity(""); state[key] = v; refresh();
  });
  dateInput("#since", "since"); dateInput("#until", "until");
  $("#last2").addEventListener("click", () => {
    const last = (ref.info && ref.info.last_date) || new Date().toISOString().slice(0, 10);
    const y = +last.slice(0, 4), m = last.length >= 7 ? last.slice(5, 7) : "12";
    state.since = `${y - 2}-${m}`; state.until = `${y}-${m}`;
    $("#since").value = state.since; $("#until").value = state.until; refresh();
  });
  $("#alltime").addEventListener("click", () => {
    state.since = state.until = ""; $("#since").value = ""; $("#until").value = ""; refresh();
  });
  $("#freq").addEventListener("change", (ev) => { state.freq = ev.target.value; state.period = null; writeHash(); loadTimeline(); });
  const tableFilter = (id, key, prop = "value") => $(id).addEventListener(prop === "checked" ? "change" : "input", (ev) => {
    state[key] = ev.target[prop]; state.offset = 0; debounce(loadEvents);
  });
  tableFilter("#direction", "direction"); tableFilter("#root", "root"); tableFilter("#plover", "plover");
  tableFilter("#q", "q"); tableFilter("#arms-only", "arms", "checked");
  $("#filters").addEventListener("submit", (ev) => ev.preventDefault());
  $("#period-filter").addEventListener("click", () => { state.period = null; redrawTimeline(); loadEvents(); });
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = [state.sort[0] === key ? "-" + key : key];
      state.offset = 0; loadEvents();
    });
  }
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
  $("#next").addEventListener("click", () => { state.offset += state.limit; loadEvents(); });
  $("#close-evidence").addEventListener("click", () => { $("#evidence").hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("#evidence").hidden = true; });
  let resizeTimer = 0;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => { redrawTimeline(); drawNet(); }, 150); });
}

let debounceTimer = 0;
function debounce(fn) { clearTimeout(debounceTimer); debounceTimer = setTimeout(fn, 200); }

document.addEventListener("DOMContentLoaded", () => {
  init().catch((err) => {
    $("#summary").textContent = `Could not load: ${err.message}`;
    document.body.dataset.ready = "error";
  });
});
