// Runs the official ElevenLabs JS SDK and the official OpenAI JS SDK against a gateway.
// Usage: node conformance.mjs <baseUrl> <apiKey> <outDir>
// Exits non-zero if any step failed. Audio files land in <outDir> for the caller to decode (soxi, opusinfo).
import { ElevenLabsClient } from "@elevenlabs/elevenlabs-js";
import OpenAI from "openai";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const [baseUrl, apiKey, outDir] = process.argv.slice(2);
if (!baseUrl || !apiKey || !outDir) {
  console.error("usage: node conformance.mjs <baseUrl> <apiKey> <outDir>");
  process.exit(2);
}

await mkdir(outDir, { recursive: true });
const client = new ElevenLabsClient({ baseUrl, apiKey, maxRetries: 0, timeoutInSeconds: 120 });
const text = "Hello from the SpeechGate conformance test.";
let failures = 0;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function step(name, action) {
  try {
    const detail = await action();
    console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error?.stack ?? error}`);
  }
}

async function readAll(stream) {
  const parts = [];
  for await (const part of stream) {
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}

function checkMp3(bytes, name) {
  check(bytes.length > 1000, `${name}: only ${bytes.length} bytes`);
  const id3 = bytes.subarray(0, 3).toString("latin1") === "ID3";
  const frameSync = bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0;
  check(id3 || frameSync, `${name}: no MP3 frame sync or ID3 tag at the start`);
}

function checkAlignment(alignment, name) {
  check(alignment, `${name}: alignment missing`);
  const { characters, characterStartTimesSeconds, characterEndTimesSeconds } = alignment;
  check(characters.length > 0, `${name}: no characters`);
  check(characters.length === characterStartTimesSeconds.length && characters.length === characterEndTimesSeconds.length, `${name}: array lengths differ`);
}

let voiceId;
await step("voices.getAll", async () => {
  const response = await client.voices.getAll();
  check(response.voices.length > 0, "no voices");
  voiceId = response.voices[0].voiceId;
  return `${response.voices.length} voices, using ${voiceId}`;
});

await step("voices.search", async () => {
  const page = await client.voices.search({ pageSize: 1, includeTotalCount: true });
  check(Array.isArray(page.voices) && page.voices.length === 1, "page_size=1 not honoured");
  check(typeof page.hasMore === "boolean" && typeof page.totalCount === "number", "has_more/total_count missing");
  return `total ${page.totalCount}`;
});

await step("voices.get", async () => {
  const voice = await client.voices.get(voiceId);
  check(voice.voiceId === voiceId, "wrong voice");
  return voice.name;
});

await step("voices.settings.getDefault", async () => {
  const settings = await client.voices.settings.getDefault();
  check(settings.stability === 0.5 && settings.similarityBoost === 0.75 && settings.useSpeakerBoost === true && settings.speed === 1, `bad defaults ${JSON.stringify(settings)}`);
  return JSON.stringify(settings);
});

await step("voices.settings.get", async () => {
  const settings = await client.voices.settings.get(voiceId);
  check(typeof settings.stability === "number" && typeof settings.similarityBoost === "number", `bad settings ${JSON.stringify(settings)}`);
  return `stability ${settings.stability}`;
});

await step("models.list", async () => {
  const models = await client.models.list();
  check(models.length > 0 && models.every((m) => typeof m.modelId === "string"), "bad models");
  check(models.every((m) => m.modelRates === undefined || typeof m.modelRates.characterCostMultiplier === "number"), "bad model_rates");
  return `${models.length} models`;
});

await step("user.get", async () => {
  const user = await client.user.get();
  check(typeof user.userId === "string" && typeof user.subscription.tier === "string", "bad user");
  return user.userId;
});

await step("user.subscription.get", async () => {
  const subscription = await client.user.subscription.get();
  check(typeof subscription.characterLimit === "number" && Array.isArray(subscription.openInvoices), "bad subscription");
  return subscription.tier;
});

await step("textToSpeech.convert (withRawResponse)", async () => {
  const { data, rawResponse } = await client.textToSpeech.convert(voiceId, { text, outputFormat: "mp3_44100_128" }).withRawResponse();
  for (const header of ["request-id", "character-cost", "history-item-id", "x-trace-id"]) {
    check(rawResponse.headers.get(header) !== null, `header ${header} missing`);
  }
  const bytes = await readAll(data);
  checkMp3(bytes, "convert");
  await writeFile(join(outDir, "convert.mp3"), bytes);
  return `${bytes.length} bytes`;
});

await step("textToSpeech.convert wav_16000", async () => {
  const bytes = await readAll(await client.textToSpeech.convert(voiceId, { text, outputFormat: "wav_16000" }));
  check(bytes.subarray(0, 4).toString("latin1") === "RIFF", "no RIFF header");
  await writeFile(join(outDir, "convert.wav"), bytes);
  return `${bytes.length} bytes`;
});

await step("textToSpeech.stream", async () => {
  const bytes = await readAll(await client.textToSpeech.stream(voiceId, { text, modelId: "eleven_flash_v2_5", outputFormat: "mp3_22050_32" }));
  checkMp3(bytes, "stream");
  await writeFile(join(outDir, "stream.mp3"), bytes);
  return `${bytes.length} bytes`;
});

await step("textToSpeech.convertWithTimestamps", async () => {
  const response = await client.textToSpeech.convertWithTimestamps(voiceId, { text });
  const bytes = Buffer.from(response.audioBase64, "base64");
  checkMp3(bytes, "convertWithTimestamps");
  checkAlignment(response.alignment, "alignment");
  checkAlignment(response.normalizedAlignment, "normalized_alignment");
  await writeFile(join(outDir, "timestamps.mp3"), bytes);
  return `${response.alignment.characters.length} characters`;
});

await step("textToSpeech.streamWithTimestamps", async () => {
  const stream = await client.textToSpeech.streamWithTimestamps(voiceId, { text });
  const parts = [];
  let characters = 0;
  for await (const chunk of stream) {
    parts.push(Buffer.from(chunk.audioBase64, "base64"));
    if (chunk.alignment) {
      checkAlignment(chunk.alignment, "chunk alignment");
      characters += chunk.alignment.characters.length;
    }
  }
  const bytes = Buffer.concat(parts);
  checkMp3(bytes, "streamWithTimestamps");
  check(characters > 0, "no chunk carried alignment");
  await writeFile(join(outDir, "stream-timestamps.mp3"), bytes);
  return `${parts.length} chunks, ${characters} characters`;
});

await step("errors: unknown voice is a typed 404", async () => {
  try {
    await readAll(await client.textToSpeech.convert("NoSuchVoice000000000", { text }));
  } catch (error) {
    check(error.statusCode === 404, `status ${error.statusCode}`);
    check(error.body?.detail?.status === "voice_not_found", `body ${JSON.stringify(error.body)}`);
    return "404 voice_not_found";
  }
  throw new Error("no error");
});

// The official OpenAI SDK (audio.speech.create) against the OpenAI-compatible route.
const openai = new OpenAI({ baseURL: new URL("v1", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString(), apiKey, maxRetries: 0, timeout: 120_000 });
const magic = {
  mp3: (bytes) => bytes.subarray(0, 3).toString("latin1") === "ID3" || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0),
  opus: (bytes) => bytes.subarray(0, 4).toString("latin1") === "OggS",
  wav: (bytes) => bytes.subarray(0, 4).toString("latin1") === "RIFF",
  flac: (bytes) => bytes.subarray(0, 4).toString("latin1") === "fLaC",
  pcm: (bytes) => bytes.length % 2 === 0,
};

for (const format of Object.keys(magic)) {
  await step(`openai audio.speech.create ${format}`, async () => {
    const response = await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: text, response_format: format });
    const bytes = Buffer.from(await response.arrayBuffer());
    check(bytes.length > 1000, `only ${bytes.length} bytes`);
    check(magic[format](bytes), `the body is not ${format}`);
    await writeFile(join(outDir, `openai.${format}`), bytes);
    return `${bytes.length} bytes, ${response.headers.get("content-type")}`;
  });
}

await step("openai audio.speech.create aac is a clear 400", async () => {
  try {
    await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: text, response_format: "aac" });
  } catch (error) {
    check(error instanceof OpenAI.BadRequestError, `not a BadRequestError: ${error}`);
    check(error.error?.code === "unsupported_value" && error.error?.param === "response_format", JSON.stringify(error.error));
    check(typeof error.error?.message === "string" && error.error.message.length > 0, "err.error.message missing");
    return error.error.message;
  }
  throw new Error("no error");
});

await step("openai errors: unknown model via err.error.message", async () => {
  try {
    await openai.audio.speech.create({ model: "tts-9", voice: "alloy", input: text });
  } catch (error) {
    check(error instanceof OpenAI.NotFoundError, `not a NotFoundError: ${error}`);
    check(error.error?.code === "model_not_found", JSON.stringify(error.error));
    check(error.error.message.includes("tts-9"), error.error.message);
    return error.error.message;
  }
  throw new Error("no error");
});

await step("openai errors: speed out of range is a 400 naming the param", async () => {
  try {
    await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input: text, speed: 5 });
  } catch (error) {
    check(error.status === 400 && error.error?.param === "speed" && error.error?.type === "invalid_request_error", JSON.stringify(error.error));
    return error.error.message;
  }
  throw new Error("no error");
});

await step("openai speed 2.0 is applied and reported", async () => {
  const { data, response } = await openai.audio.speech.create({ model: "tts-1", voice: { id: voiceId }, input: text, speed: 2 }).withResponse();
  check(response.headers.get("x-speechgate-speed") === "2", `x-speechgate-speed ${response.headers.get("x-speechgate-speed")}`);
  const bytes = Buffer.from(await data.arrayBuffer());
  await writeFile(join(outDir, "openai-fast.mp3"), bytes);
  return `${bytes.length} bytes`;
});

await step("openai stream_format sse", async () => {
  const response = await openai.audio.speech.create({ model: "gpt-4o-mini-tts", voice: { id: voiceId }, input: text, response_format: "mp3", stream_format: "sse" });
  check(response.headers.get("content-type").startsWith("text/event-stream"), response.headers.get("content-type"));
  const events = (await response.text()).split("\n\n").filter((block) => block.startsWith("data: ")).map((block) => JSON.parse(block.slice(6)));
  const deltas = events.filter((event) => event.type === "speech.audio.delta");
  check(deltas.length > 0, "no speech.audio.delta");
  check(events.at(-1).type === "speech.audio.done" && typeof events.at(-1).usage?.total_tokens === "number", `last event ${JSON.stringify(events.at(-1))}`);
  const bytes = Buffer.concat(deltas.map((event) => Buffer.from(event.audio, "base64")));
  check(magic.mp3(bytes), "the joined deltas are not MP3");
  await writeFile(join(outDir, "openai-sse.mp3"), bytes);
  return `${deltas.length} deltas, ${bytes.length} bytes`;
});

console.log(failures === 0 ? "conformance: all passed" : `conformance: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
