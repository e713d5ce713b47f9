"use strict";
const $ = (id) => document.getElementById(id);
const number = (n) => Number(n).toLocaleString("en-US");
const session = speechGateSession("speechgate.gatewayKey", "playground", load);
const headers = session.headers;
const failure = session.failure;
let objectUrl = null;

function option(select, value, label) {
  const item = document.createElement("option");
  item.value = value;
  item.textContent = label;
  select.append(item);
}

async function load() {
  if (!session.key()) {
    session.showLogin();
    return;
  }
  const [config, voices] = await Promise.all([
    fetch("/v1/speechgate/playground/voices", { headers: headers() }),
    fetch("/v1/voices", { headers: headers() }),
  ]);
  if (!config.ok) {
    session.refuse(await failure(config));
    return;
  }
  const options = await config.json();
  const voice = $("voice");
  const model = $("model");
  voice.replaceChildren();
  model.replaceChildren();
  for (const alias of options.aliases) option(voice, alias.name, "alias " + alias.name + " → " + alias.voice_id);
  for (const pin of options.pins) option(voice, pin.voice_id, "pinned " + (pin.name || pin.key) + " (" + pin.voice_id + ")");
  if (voices.ok) {
    for (const v of (await voices.json()).voices || []) option(voice, v.voice_id, v.name + " (" + v.voice_id + ")");
  }
  for (const m of options.models) option(model, m.model_id, m.name + " · " + m.credits_per_character + " credits/char");
  session.showMain();
}

function request() {
  return { text: $("text").value, voice_id: $("voice").value, model_id: $("model").value, output_format: $("format").value };
}

async function check() {
  $("error").textContent = "";
  const body = request();
  const extra = { "content-type": "application/json" };
  if ($("project").value) body.project = $("project").value;
  const [estimate, proof] = await Promise.all([
    fetch("/v1/speechgate/estimate", { method: "POST", headers: headers(extra), body: JSON.stringify(body) }),
    fetch("/v1/speechgate/playground/proof", { method: "POST", headers: headers(extra), body: JSON.stringify({ text: body.text, model_id: body.model_id }) }),
  ]);
  if (!estimate.ok) {
    $("estimate").textContent = await failure(estimate);
    return;
  }
  const price = await estimate.json();
  const estimateText = price.cached_requests > 0
    ? "Already cached: 0 credits to pay (" + number(price.credits) + " credits if it were not)."
    : number(price.credits_to_spend) + " credits to pay · " + number(price.characters) + " characters · ~" + price.minutes.toFixed(2) + " min";
  const left = price.budgets.map((b) => b.name + ": " + number(b.remaining_credits) + " left").concat(price.quota ? ["quota: " + number(price.quota.remaining_credits) + " left"] : []);
  $("estimate").textContent = estimateText + (left.length ? " · " + left.join(" · ") : "");
  $("estimate").dataset.credits = price.credits_to_spend;
  const findings = $("findings");
  findings.replaceChildren();
  const report = proof.ok ? await proof.json() : { available: false, findings: [] };
  const note = document.createElement("li");
  note.className = "muted";
  if (!report.available) {
    note.textContent = "Proofing is not installed on this gateway.";
    findings.append(note);
  } else if (report.findings.length === 0) {
    note.textContent = "No findings.";
    findings.append(note);
  }
  for (const f of report.findings) {
    const li = document.createElement("li");
    li.className = f.severity;
    li.textContent = f.code + ": " + f.message;
    findings.append(li);
  }
}

async function speak() {
  $("error").textContent = "";
  $("status").textContent = "Speaking…";
  const body = request();
  const extra = { "content-type": "application/json" };
  if ($("project").value) extra["x-speechgate-project"] = $("project").value;
  const response = await fetch("/v1/text-to-speech/" + encodeURIComponent(body.voice_id) + "?output_format=" + encodeURIComponent(body.output_format),
    { method: "POST", headers: headers(extra), body: JSON.stringify({ text: body.text, model_id: body.model_id }) });
  if (!response.ok) {
    $("status").textContent = "";
    $("error").textContent = await failure(response);
    return;
  }
  const cache = response.headers.get("x-speechgate-cache");
  const credits = Number(response.headers.get("x-speechgate-credits") || "0");
  const blob = await response.blob();
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(blob);
  const status = $("status");
  status.dataset.cache = cache;
  status.dataset.credits = credits;
  status.textContent = cache === "hit" ? "cached, 0 credits" : cache + ", " + number(credits) + " credits";
  const audio = $("audio");
  audio.dataset.state = "loading";
  audio.src = objectUrl;
  await audio.play().catch((error) => { $("error").textContent = "Playback: " + error.message; });
}

$("audio").addEventListener("playing", () => { $("audio").dataset.state = "playing"; });
$("audio").addEventListener("ended", () => { $("audio").dataset.state = "ended"; });
$("audio").addEventListener("error", () => { $("audio").dataset.state = "error"; });
$("check").addEventListener("click", check);
$("speak").addEventListener("click", speak);
load();
