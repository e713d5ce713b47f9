"use strict";
const $ = (id) => document.getElementById(id);
const number = (n) => Number(n).toLocaleString("en-US");
const session = speechGateSession("speechgate.adminKey", "dashboard", load);

function list(id, items, empty, describe) {
  const ul = $(id);
  ul.replaceChildren();
  if (items.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = empty;
    ul.append(li);
  }
  for (const item of items) {
    const li = document.createElement("li");
    li.textContent = describe(item);
    ul.append(li);
  }
}

function render(data) {
  $("tile-spent").textContent = number(data.month.spent_credits);
  $("tile-saved").textContent = number(data.month.saved_credits);
  $("tile-wasted").textContent = number(data.month.wasted_credits);
  $("tile-hit-rate").textContent = Math.round(data.month.hit_rate * 100) + "%";
  $("forecast-text").textContent = data.forecast.text;
  for (const [name, svg] of Object.entries(data.charts)) {
    // Server-rendered SVG from the gateway's own numbers (names escaped there).
    $("chart-" + name).innerHTML = svg;
  }
  const body = $("voices").tBodies[0];
  body.replaceChildren();
  $("voices-empty").hidden = data.voices !== null;
  for (const voice of data.voices || []) {
    const row = body.insertRow();
    row.dataset.voice = voice.name;
    row.dataset.healthy = voice.healthy;
    row.className = voice.healthy ? "ok" : "broken";
    for (const text of [voice.name, voice.voice_id, voice.healthy ? "healthy" : "unhealthy: " + voice.status, voice.message || ""]) {
      row.insertCell().textContent = text;
    }
  }
  list("render-runs", data.render_runs, "No render runs yet", (r) => `${r.time} ${r.name}: ${r.outcome}, ${r.lines} lines, ${number(r.credits)} credits`);
  list("deliveries", data.deliveries, "No deliveries yet", (d) => `${d.time} ${d.name} → ${d.target}: ${d.outcome}`);
  $("generated").textContent = "Generated " + data.generated_at;
}

async function load() {
  if (!session.key()) {
    session.showLogin();
    return;
  }
  const response = await fetch("/v1/speechgate/dashboard", { headers: session.headers() });
  if (!response.ok) {
    session.refuse(await session.failure(response));
    return;
  }
  render(await response.json());
  session.showMain();
}

load();
