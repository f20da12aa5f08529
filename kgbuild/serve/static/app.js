// The page of `kgbuild serve`: saved queries with their parameters, the project's prefixes in
// the SPARQL editor, results whose IRIs open a description (chain, evidence, article).
// Everything from the store is put on the page as text (textContent), never as HTML.
"use strict";

const state = { prefixes: {}, queries: [], current: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// -- IRIs ---------------------------------------------------------------------------------
const IRI = /^(https?|urn):\S+$/;

function compact(iri) {
  let best = null;
  for (const [prefix, ns] of Object.entries(state.prefixes)) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

function iriLink(iri, label) {
  return el("a", { class: "iri", href: "#describe=" + encodeURIComponent(iri), title: iri, "data-iri": iri,
                   text: label || compact(iri) });
}

function cell(value, isList) {
  if (!value) return el("td");
  const td = el("td");
  if (value.type === "uri") { td.append(iriLink(value.value)); return td; }
  const tokens = value.value.split(/\s+/).filter(Boolean);
  if (tokens.length && tokens.every((t) => IRI.test(t))) {
    for (const t of tokens) td.append(el("span", { class: "item" }, iriLink(t)));
  } else if (isList && tokens.length > 1) {
    for (const t of tokens) td.append(el("span", { class: "item", text: t }));
  } else {
    td.textContent = value.value;
  }
  return td;
}

function renderTable(answer, target) {
  const lists = new Set((answer.kgbuild && answer.kgbuild.lists) || []);
  target.replaceChildren();
  if ("boolean" in answer) { target.append(el("p", { text: `ASK: ${answer.boolean}` })); return 1; }
  const vars = answer.head.vars || [];
  const rows = answer.results.bindings;
  const table = el("table", { class: "results" });
  table.append(el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", { text: v })))));
  const body = el("tbody");
  for (const row of rows) body.append(el("tr", {}, ...vars.map((v) => cell(row[v], lists.has(v)))));
  table.append(body);
  target.append(table);
  return rows.length;
}

// -- messages -------------------------------------------------------------------------------
function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok) {
    const text = data && data.error ? data.error : `HTTP ${response.status} ${response.statusText}`;
    throw new Error(text);
  }
  return data;
}

// -- saved queries ----------------------------------------------------------------------------
function prefixLines() {
  return Object.entries(state.prefixes).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n");
}

function listQueries() {
  const list = $("queries");
  list.replaceChildren();
  for (const q of state.queries) {
    const button = el("button", { type: "button", "data-name": q.name, onclick: () => {
      if (location.hash === "#query=" + q.name) selectQuery(q.name); else location.hash = "#query=" + q.name;
    } },
                      el("span", { text: q.title }), el("small", { text: q.name }));
    list.append(el("li", {}, button));
  }
}

function selectQuery(name) {
  const q = state.queries.find((x) => x.name === name);
  if (!q) { showError(`no saved query ${name}`); return; }
  state.current = q;
  for (const b of document.querySelectorAll("#queries button")) b.classList.toggle("selected", b.dataset.name === name);
  $("query-panel").hidden = false;
  $("query-title").textContent = q.title;
  $("query-description").textContent = q.description;
  const form = $("params");
  form.replaceChildren();
  for (const p of q.params) {
    const hint = [p.type, p.required ? "required" : (p.default !== null ? `default ${p.default}` : "optional"),
                  p.description].filter(Boolean).join(" · ");
    const input = p.choices.length
      ? el("select", { name: p.name, id: "param-" + p.name }, el("option", { value: "", text: p.default || "" }),
           ...p.choices.map((c) => el("option", { value: c, text: c })))
      : el("input", { name: p.name, id: "param-" + p.name,
                      placeholder: p.default || (p.type === "date" ? "YYYY-MM-DD" : p.type) });
    if (p.required) input.required = true;
    form.append(el("label", { for: "param-" + p.name }, el("span", { class: "name", text: p.name }), input,
                   el("span", { class: "hint", text: hint })));
  }
  const body = q.text.split("\n").filter((line) => !/^\s*PREFIX\s/i.test(line)).join("\n");
  $("editor").value = prefixLines() + "\n" + body.replace(/^(\s*#.*\n)+/, "");
  showError("");
  $("status").textContent = "";
  $("results").replaceChildren();
}

async function runSaved() {
  const q = state.current;
  if (!q) return;
  const form = new URLSearchParams({ name: q.name });
  for (const input of $("params").querySelectorAll("input, select")) form.append(input.name, input.value);
  showError("");
  $("status").textContent = "running…";
  $("results").replaceChildren();
  try {
    const answer = await getJSON("/api/run", { method: "POST", body: form });
    const n = renderTable(answer, $("results"));
    const info = answer.kgbuild;
    $("status").textContent = `${n} row${n === 1 ? "" : "s"} in ${info.seconds} s` + (info.inferred ? " (inferred graph)" : "");
  } catch (error) {
    $("status").textContent = "";
    showError(error.message);
  }
}

async function runSparql() {
  showError("");
  $("status").textContent = "running…";
  $("results").replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("/query", { method: "POST", body: new URLSearchParams({ query: $("editor").value }),
                                             headers: { Accept: "application/sparql-results+json" } });
    const text = await response.text();
    if (!response.ok) throw new Error(text.split("\n")[0] || `HTTP ${response.status}`);
    let answer;
    try { answer = JSON.parse(text); } catch (e) { throw new Error("not a SELECT or ASK answer; use /query for graphs"); }
    const n = renderTable(answer, $("results"));
    $("status").textContent = `${n} row${n === 1 ? "" : "s"} in ${((performance.now() - started) / 1000).toFixed(2)} s`;
  } catch (error) {
    $("status").textContent = "";
    showError(error.message);
  }
}

// -- describing an IRI ----------------------------------------------------------------------------
function evidenceBlock(e) {
  const source = [e.kind === "Claim" && e.by ? `claimed by ${compact(e.by)}` : null, e.date, e.title].filter(Boolean).join(" · ");
  return el("div", { class: "evidence" + (e.kind === "Claim" ? " claim" : "") },
            el("blockquote", { class: "sentence", text: e.sentence }),
            el("div", { class: "source" }, el("span", { text: source + " " }),
               e.article ? iriLink(e.article, "article") : null,
               e.url ? el("span", { text: " · " }) : null,
               e.url ? el("a", { href: e.url, target: "_blank", rel: "noopener", text: "original" }) : null,
               el("span", { text: e.predicates.length ? " · " + e.predicates.map(compact).join(", ") : "" })));
}

function cut(text) {  // an article's whole text is one literal
  return text.length > 400 ? text.slice(0, 400) + " …" : text;
}

async function describe(iri) {
  const panel = $("describe");
  const body = $("describe-body");
  panel.hidden = false;
  body.replaceChildren(el("p", { text: "loading " + iri }));
  let d;
  try {
    d = await getJSON("/api/describe?iri=" + encodeURIComponent(iri));
  } catch (error) {
    body.replaceChildren(el("p", { id: "describe-error", text: error.message }));
    return;
  }
  const label = (x) => d.labels[x] || null;
  const parts = [el("h2", { text: d.label || compact(d.iri) }), el("div", { class: "iri-text", text: d.iri }),
                 el("div", { class: "types" }, ...(d.asserted_types.length ? d.asserted_types : d.types)
                   .map((t) => el("span", { text: compact(t) })))];
  if (d.kind === "event") {
    const roles = d.facts.filter((f) => /#(agent|target|place|date|mode|sourceArticle)$/.test(f.p));
    const table = el("table", {}, ...roles.map((f) => el("tr", {}, el("th", { text: compact(f.p) }),
      f.o.type === "uri" ? el("td", {}, iriLink(f.o.value, label(f.o.value))) : el("td", { text: f.o.value }))));
    parts.push(el("h3", { text: "Roles" }), table);
    if (d.reports.length) parts.push(el("h3", { text: `Reports (${d.reports.length})` }),
                                     el("div", {}, ...d.reports.map((r) => el("span", { class: "item" }, iriLink(r)))));
  }
  if (d.kind === "article") {
    parts.push(el("h3", { text: `Events (${d.events.length})` }));
    parts.push(el("table", {}, ...d.events.map((e) => el("tr", {}, el("td", { text: e.date || "" }),
      el("td", { text: e.type }), el("td", {}, iriLink(e.event))))));
  }
  if (d.kind === "actor") {
    parts.push(el("h3", { text: "Membership chain" }));
    if (d.chain && d.chain.results.bindings.length) {
      const holder = el("div", { id: "describe-chain" });
      const shown = d.chain.head.vars.filter((v) => ["ancestor", "relation", "chain", "source"].includes(v));
      renderTable({ head: { vars: shown }, results: d.chain.results }, holder);
      parts.push(holder);
    } else {
      parts.push(el("p", { text: "part of nothing known" }));
    }
    parts.push(el("h3", { text: `Events (${d.events.length})` }));
    parts.push(el("table", {}, ...d.events.map((e) => el("tr", {}, el("td", { text: e.date || "" }),
      el("td", { text: e.type }), el("td", { text: e.role }), el("td", {}, iriLink(e.event, label(e.event)))))));
  }
  parts.push(el("h3", { text: `Evidence (${d.evidence.length})` }), ...d.evidence.map(evidenceBlock));
  parts.push(el("details", {}, el("summary", { text: `All triples (${d.facts.length})` }),
    el("table", {}, ...d.facts.map((f) => el("tr", {}, el("td", { text: compact(f.p) }),
      f.o.type === "uri" ? el("td", {}, iriLink(f.o.value, label(f.o.value) || undefined)) : el("td", { text: cut(f.o.value) }),
      el("td", { class: "iri-text", text: compact(f.graph) }))))));
  body.replaceChildren(...parts);
}

// -- routing: #query=NAME, #describe=IRI --------------------------------------------------------
function route() {
  const hash = location.hash.slice(1);
  if (hash.startsWith("query=")) selectQuery(decodeURIComponent(hash.slice(6)));
  else if (hash.startsWith("describe=")) describe(decodeURIComponent(hash.slice(9)));
}

async function start() {
  $("run").addEventListener("click", runSaved);
  $("run-sparql").addEventListener("click", runSparql);
  $("params").addEventListener("submit", (event) => { event.preventDefault(); runSaved(); });
  $("close-describe").addEventListener("click", () => { $("describe").hidden = true; });
  document.addEventListener("click", (event) => {  // the same link twice still describes
    const link = event.target.closest("a.iri");
    if (!link) return;
    event.preventDefault();
    const hash = "#describe=" + encodeURIComponent(link.dataset.iri);
    if (location.hash === hash) describe(link.dataset.iri); else location.hash = hash;
  });
  try {
    const info = await getJSON("/api/queries");
    state.prefixes = info.prefixes;
    state.queries = info.queries;
    $("store").textContent = info.store;
    $("endpoint").textContent = location.origin + "/query";
    $("editor").value = prefixLines() + "\n\nSELECT * WHERE { ?s ?p ?o } LIMIT 10\n";
    listQueries();
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error.message);
    return;
  }
  window.addEventListener("hashchange", route);
  route();
}

start();
