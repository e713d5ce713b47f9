#!/usr/bin/env bash
# Issues 7 and 12: cache-hit throughput and latency of `speechgate serve` as shipped (the real CLI, default configuration,
# one gateway key) versus nginx proxy_cache (POST, key = URI + raw body) in front of the same upstream (the fake
# ElevenLabs server), same payload (~30 KB mp3), same run, both warmed. Fails on any non-2xx answer.
# Needs wrk and nginx (Debian packages `wrk`, `nginx`). Usage: bench/cache-hits.sh [seconds=10] [connections=64] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
CONNECTIONS="${2:-64}"
ROUNDS="${3:-5}"
command -v wrk >/dev/null || { echo "cache-hits: wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || { echo "cache-hits: nginx is missing (apt-get install nginx)" >&2; exit 1; }

WORK="$(mktemp -d -t speechgate-cache-hits-XXXXXX)"
# shellcheck source=bench/lib/serve.sh
. bench/lib/serve.sh
cleanup() {
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true
  bench_cleanup
  rm -rf "$WORK"
}
trap cleanup EXIT

# The upstream: the fake ElevenLabs server, alone in its own process.
HOST_SECONDS=$((SECONDS_PER_RUN * ROUNDS * 2 + 180))
start_fake_upstream "$HOST_SECONDS"

# The gateway: `speechgate serve` as a user runs it — the shipped CLI, default configuration, its own data directory,
# one gateway key; only the ElevenLabs upstream is the fake (the SDKs' own variables).
start_serve data "$HOST_SECONDS"
GATEWAY_URL="$SERVE_URL"; KEY="$SERVE_KEY"; GATEWAY_PID="$SERVE_DOTNET_PID"
echo "speechgate serve (shipped defaults, one gateway key) on $GATEWAY_URL; fake ElevenLabs upstream on $FAKE_URL"
NGINX_PORT="$(free_port)"
NGINX_URL="http://127.0.0.1:$NGINX_PORT"

mkdir -p "$WORK/nginx-cache" "$WORK/logs"
# As root, nginx's workers would run as nobody and could not write the private temp directory.
NGINX_USER=""; [ "$(id -u)" = 0 ] && NGINX_USER="user root;"
cat >"$WORK/nginx.conf" <<CONF
$NGINX_USER
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/client_body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  proxy_cache_path $WORK/nginx-cache levels=1:2 keys_zone=tts:16m max_size=256m inactive=1h use_temp_path=off;
  upstream fake { server ${FAKE_URL#http://}; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_body_buffer_size 1m;
    client_max_body_size 1m;
    location / {
      proxy_pass http://fake;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header xi-api-key "$UPSTREAM_KEY";
      proxy_cache tts;
      proxy_cache_methods POST;
      proxy_cache_key "\$request_uri|\$request_body";
      proxy_cache_valid 200 1h;
      proxy_ignore_headers Cache-Control Expires Set-Cookie;
      add_header X-Cache-Status \$upstream_cache_status always;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

ROUTE="/v1/text-to-speech/$VOICE"
BODY='{"text":"Welcome back to the show, friend","model_id":"eleven_flash_v2_5"}'
REORDERED='{"model_id":"eleven_flash_v2_5","text":"Welcome back to the show, friend"}'
DEFAULTS='{"text":"Welcome back to the show, friend","model_id":"eleven_flash_v2_5","voice_settings":{"stability":0.5,"similarity_boost":0.75,"style":0,"use_speaker_boost":true,"speed":1.0}}'
cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["xi-api-key"] = "$KEY"
LUA

post() { curl -sS -o "$WORK/body" -D "$WORK/headers" -X POST -H 'Content-Type: application/json' -H "xi-api-key: $KEY" --data "$2" "$1$ROUTE"; }
header() { tr -d '\r' <"$WORK/headers" | sed -n "s/^$1: //Ip" | head -1; }
# Warm both (first call is the miss that pays), then check the measured request is a hit on both.
for url in "$NGINX_URL" "$GATEWAY_URL"; do post "$url" "$BODY"; sleep 0.3; post "$url" "$BODY"; done
post "$NGINX_URL" "$BODY"; NGINX_STATUS="$(header X-Cache-Status)"; SIZE="$(stat -c %s "$WORK/body")"
post "$GATEWAY_URL" "$BODY"; GATEWAY_STATUS="$(header x-speechgate-cache)"
echo "clip: $SIZE bytes mp3_44100_128; warmed: nginx X-Cache-Status=$NGINX_STATUS, gateway x-speechgate-cache=$GATEWAY_STATUS"
[ "$NGINX_STATUS" = HIT ] && [ "$GATEWAY_STATUS" = hit ] || { echo "cache-hits: not warmed" >&2; exit 1; }

# The workers serve; the cache manager and the one-off cache loader (which exits a minute in) do not.
NGINX_PIDS="$(pgrep -P "$(cat "$WORK/nginx.pid")" -f 'nginx: worker process' | tr '\n' ' ')"
TICKS_PER_SECOND="$(getconf CLK_TCK)"
run() { # name url pids... -> "rps p50 p99" and the server's CPU time per request
  local name="$1" url="$2"; shift 2
  local before after
  before="$(cpu_ticks "$@")"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/post.lua" "$url$ROUTE" >"$WORK/wrk-$name.txt"
  after="$(cpu_ticks "$@")"
  local rps p50 p99 errors requests cpu
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk-$name.txt")"
  p50="$(awk '$1=="50%" {print $2}' "$WORK/wrk-$name.txt")"; p99="$(awk '$1=="99%" {print $2}' "$WORK/wrk-$name.txt")"
  requests="$(awk '/requests in/ {print $1}' "$WORK/wrk-$name.txt")"
  cpu="$(python3 -c "print(f'{($after - $before) * 1e6 / $TICKS_PER_SECOND / $requests:.1f}')")"
  errors="$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk-$name.txt" | tr '\n' ' ' || true)"
  printf '%-8s %10s req/s   p50 %8s   p99 %8s   server CPU %5s us/request   %s\n' "$name" "$rps" "$p50" "$p99" "$cpu" "$errors"
  echo "$rps" >"$WORK/rps-$name"
  echo "$cpu" >"$WORK/cpu-$name"
  echo "$p99" >"$WORK/p99-$name"
  awk '/Non-2xx or 3xx responses:/ {n=$NF} END {print n+0}' "$WORK/wrk-$name.txt" >"$WORK/non2xx-$name"
}
echo "wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency, POST $ROUTE (${#BODY}-byte JSON body), every request a hit:"
# Warm-up runs (not reported), 10 s each: page cache and keepalive pools for nginx; for the gateway, tiered JIT, which
# on this 2-core machine needs about 5 s of full load before the hot methods are recompiled (measured: ~40 us of CPU per
# request in the first 2 s, ~17 us from the sixth second on; DOTNET_TC_CallCountingDelayMs=0 shortens it to ~2 s).
for url in "$NGINX_URL" "$GATEWAY_URL"; do wrk -t2 -c"$CONNECTIONS" -d10s -s "$WORK/post.lua" "$url$ROUTE" >/dev/null; done
# Rounds alternate nginx and the gateway; each round's ratio compares neighbours in time, so a slow spell of this shared
# machine hits both sides of a pair. Reported: every round, then the median of the per-round ratios.
for round in $(seq 1 "$ROUNDS"); do
  # shellcheck disable=SC2086 # word-splitting the worker pid list is intended
  run "nginx$round" "$NGINX_URL" $NGINX_PIDS
  run "gateway$round" "$GATEWAY_URL" "$GATEWAY_PID"
done
STATUS=0
python3 - "$WORK" "$ROUNDS" <<'PY' || STATUS=1
import statistics, sys
w, rounds = sys.argv[1], int(sys.argv[2])
read = lambda kind, name: float(open(f"{w}/{kind}-{name}").read())
rps = [read("rps", f"gateway{i}") / read("rps", f"nginx{i}") for i in range(1, rounds + 1)]
cpu = [read("cpu", f"gateway{i}") / read("cpu", f"nginx{i}") for i in range(1, rounds + 1)]
print("per-round gateway/nginx requests/s: " + ", ".join(f"{r:.2f}" for r in rps))
print(f"median gateway/nginx requests/s = {statistics.median(rps):.2f}x "
      f"(nginx median {statistics.median(read('rps', f'nginx{i}') for i in range(1, rounds + 1)):.0f} req/s, "
      f"gateway median {statistics.median(read('rps', f'gateway{i}') for i in range(1, rounds + 1)):.0f} req/s)")
print(f"median server CPU per request, gateway/nginx = {statistics.median(cpu):.2f}x")
def ms(text):
    for unit, scale in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale
    raise ValueError(text)
p99 = lambda name: ms(open(f"{w}/p99-{name}").read().strip())
g99 = statistics.median(p99(f"gateway{i}") for i in range(1, rounds + 1))
n99 = statistics.median(p99(f"nginx{i}") for i in range(1, rounds + 1))
print(f"median p99: gateway {g99:.2f} ms, nginx {n99:.2f} ms (gateway/nginx = {g99 / n99:.2f}x)")
bad = sum(int(open(f"{w}/non2xx-gateway{i}").read()) for i in range(1, rounds + 1))
print(f"gateway non-2xx answers in the measured rounds: {bad}")
sys.exit(1 if bad else 0)
PY

echo "equivalent requests (nginx keys on the raw body; SpeechGate on the canonical request):"
for variant in REORDERED DEFAULTS; do
  post "$NGINX_URL" "${!variant}"; n="$(header X-Cache-Status)"
  post "$GATEWAY_URL" "${!variant}"; g="$(header x-speechgate-cache)"
  echo "  $variant: nginx X-Cache-Status=$n, gateway x-speechgate-cache=$g"
done
exit "$STATUS"
