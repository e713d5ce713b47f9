# Shared by the benchmarks that measure `speechgate serve` as shipped (sourced, not run): the fake ElevenLabs upstream
# in its own process (bench/CacheHits), `speechgate serve` started the way a user starts it, and process bookkeeping.
# The caller sets WORK (a temp directory) and calls bench_cleanup from its EXIT trap.

BENCH_PIDS=()

stop_pid() { # pid: TERM, wait (bounded), KILL
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
  fi
}

bench_cleanup() { # stops what start_fake_upstream and start_serve started, newest first
  local i
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${BENCH_PIDS[$i]}"; done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_fake_upstream HOST_SECONDS: sets FAKE_PID, FAKE_URL, UPSTREAM_KEY, VOICE.
start_fake_upstream() {
  dotnet build -c Release bench/CacheHits/CacheHits.csproj -v q -nologo >/dev/null
  timeout $(($1 + 30)) dotnet artifacts/bin/CacheHits/release/SpeechGate.Bench.CacheHits.dll "$1" >"$WORK/fake.out" 2>"$WORK/fake.err" &
  FAKE_PID=$!
  BENCH_PIDS+=("$FAKE_PID")
  for _ in $(seq 1 300); do grep -q '^READY' "$WORK/fake.out" 2>/dev/null && break; sleep 0.1; done
  grep -q '^READY' "$WORK/fake.out" || { echo "bench: the fake upstream did not start" >&2; cat "$WORK/fake.err" >&2; return 1; }
  FAKE_URL="$(sed -n 's/^FAKE_URL=//p' "$WORK/fake.out")"
  UPSTREAM_KEY="$(sed -n 's/^UPSTREAM_KEY=//p' "$WORK/fake.out")"
  VOICE="$(sed -n 's/^VOICE=//p' "$WORK/fake.out")"
}

# start_serve NAME HOST_SECONDS [VAR=value...]: `speechgate serve` as a user runs it (the shipped CLI, default
# configuration, its own data directory $WORK/NAME, one gateway key) in front of the fake upstream, with extra
# environment. Sets SERVE_PID, SERVE_URL, SERVE_KEY, SERVE_DOTNET_PID (the dotnet process, for CPU accounting).
start_serve() {
  local name="$1" seconds="$2"
  shift 2
  ./speechgate --help >/dev/null # builds the CLI (Release) if needed, outside the measured part
  SERVE_KEY="$(SPEECHGATE_DATA="$WORK/$name" ./speechgate keys create --name bench 2>/dev/null)"
  local port
  port="$(free_port)"
  SERVE_URL="http://127.0.0.1:$port"
  env SPEECHGATE_DATA="$WORK/$name" ELEVENLABS_API_KEY="$UPSTREAM_KEY" ELEVENLABS_BASE_URL="$FAKE_URL" "$@" \
    timeout "$seconds" ./speechgate serve --port "$port" >"$WORK/serve-$name.out" 2>"$WORK/serve-$name.err" &
  SERVE_PID=$!
  BENCH_PIDS+=("$SERVE_PID")
  for _ in $(seq 1 300); do curl -sf -o /dev/null "$SERVE_URL/healthz" && break; sleep 0.1; done
  curl -sf -o /dev/null "$SERVE_URL/healthz" || { echo "bench: speechgate serve ($name) did not start" >&2; cat "$WORK/serve-$name.err" >&2; return 1; }
  SERVE_DOTNET_PID="$(pgrep -P "$SERVE_PID" | head -1)" # the dotnet process under timeout (./speechgate execs it)
}

cpu_ticks() { # pids... -> user+system clock ticks used so far
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
