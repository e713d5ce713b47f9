// Completes one stream-input session over wss:// with Node's `ws`, trusting only the given CA file (the certificate
// `speechgate certs create` wrote). Usage: node wss-stream-input.mjs <wss-url> <ca.pem>
// Prints "wss: ok <audio bytes> bytes" and exits 0 when audio, then isFinal, then a 1000 close arrived.
import WebSocket from "ws";
import { readFileSync } from "node:fs";

const [url, caPath] = process.argv.slice(2);
if (!url || !caPath) {
  console.error("usage: node wss-stream-input.mjs <wss-url> <ca.pem>");
  process.exit(2);
}

const socket = new WebSocket(url, { ca: readFileSync(caPath) });
let audioBytes = 0;
let final = false;
const timer = setTimeout(() => {
  console.error("wss: timed out");
  process.exit(1);
}, 60_000);

socket.on("open", () => {
  socket.send(JSON.stringify({ text: " ", voice_settings: { stability: 0.5 } }));
  socket.send(JSON.stringify({ text: "Hello over TLS from Node. ", flush: true }));
  socket.send(JSON.stringify({ text: "" }));
});
socket.on("message", (data) => {
  const message = JSON.parse(data.toString());
  if (message.audio) {
    audioBytes += Buffer.from(message.audio, "base64").length;
  }
  if (message.isFinal === true) {
    final = true;
  }
  if (message.error) {
    console.error(`wss: error message ${JSON.stringify(message)}`);
  }
});
socket.on("error", (error) => {
  console.error(`wss: ${error.message}`);
  process.exit(1);
});
socket.on("close", (code) => {
  clearTimeout(timer);
  if (code !== 1000 || !final || audioBytes === 0) {
    console.error(`wss: close ${code}, final ${final}, ${audioBytes} audio bytes`);
    process.exit(1);
  }
  console.log(`wss: ok ${audioBytes} bytes`);
  process.exit(0);
});
