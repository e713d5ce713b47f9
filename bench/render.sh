#!/usr/bin/env bash
# Re-rendering a fully cached script with `speechgate render` (join + EBU R128 loudness + captions + manifest) against
# the shell pipeline a user would otherwise write over the same clips: ffmpeg concat + two-pass loudnorm to -16 LUFS /
# -1 dBTP + libmp3lame. Same run, alternating rounds; then peak memory (RSS) of re-rendering 2,000 lines vs 200.
# Usage: bench/render.sh [rounds]   (default 5; the local engine, no key, 0 credits)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SPEECHGATE_DATA="$work/data"
"$root/speechgate" --version >/dev/null  # installs and builds (Release) like a user's first run
cli() { dotnet "$root/artifacts/bin/SpeechGate.Cli/release/SpeechGate.Cli.dll" "$@"; }

script() {  # script LINES FILE: plain text, one paragraph per line
  for i in $(seq 1 "$1"); do printf 'Line %d of the benchmark voiceover, read at an even pace.\n\n' "$i"; done > "$2"
}

now() { date +%s.%N; }

script 200 "$work/s200.txt"
echo "filling the cache (200 lines, local engine)..." >&2
cli render "$work/s200.txt" -o "$work/out200" --json >/dev/null

ls "$work/out200/lines/"*.mp3 | sort -V | sed "s|^|file '|; s|$|'|" > "$work/list.txt"
baseline() {
  local measured
  measured="$(ffmpeg -nostdin -hide_banner -f concat -safe 0 -i "$work/list.txt" -af loudnorm=I=-16:TP=-1:LRA=11:print_format=json -f null - 2>&1 | sed -n '/^{/,/^}/p')"
  local i tp lra thresh offset
  i="$(echo "$measured" | sed -n 's/.*"input_i" : "\(.*\)".*/\1/p')"
  tp="$(echo "$measured" | sed -n 's/.*"input_tp" : "\(.*\)".*/\1/p')"
  lra="$(echo "$measured" | sed -n 's/.*"input_lra" : "\(.*\)".*/\1/p')"
  thresh="$(echo "$measured" | sed -n 's/.*"input_thresh" : "\(.*\)".*/\1/p')"
  offset="$(echo "$measured" | sed -n 's/.*"target_offset" : "\(.*\)".*/\1/p')"
  ffmpeg -nostdin -hide_banner -loglevel error -y -f concat -safe 0 -i "$work/list.txt" \
    -af "loudnorm=I=-16:TP=-1:LRA=11:measured_I=$i:measured_TP=$tp:measured_LRA=$lra:measured_thresh=$thresh:offset=$offset:linear=true" \
    -ar 44100 -ac 1 -c:a libmp3lame -b:a 128k "$work/baseline.mp3"
}

ratios=()
for round in $(seq 1 "$rounds"); do
  t0="$(now)"; cli render "$work/s200.txt" -o "$work/out200" --json >"$work/manifest.json"; t1="$(now)"
  baseline; t2="$(now)"
  credits="$(sed -n 's/^    "credits": \(.*\),/\1/p' "$work/manifest.json" | head -1)"
  ours="$(echo "$t1 - $t0" | bc -l)"; theirs="$(echo "$t2 - $t1" | bc -l)"
  ratio="$(echo "$ours / $theirs" | bc -l)"
  ratios+=("$ratio")
  printf 'round %d: speechgate render %.2f s (credits %s) vs ffmpeg concat + 2-pass loudnorm %.2f s: ratio %.3f\n' "$round" "$ours" "$credits" "$theirs" "$ratio"
done
median="$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
printf 'median ratio (lower is better, <= 1.0 wanted): %.3f\n' "$median"
echo "ffmpeg measures ours:   $(ffmpeg -nostdin -hide_banner -i "$work/out200/track.mp3" -af ebur128=peak=true:framelog=verbose -f null - 2>&1 | grep -E '^\s+(I|Peak):' | tr -s ' ' | tr '\n' ' ')"
echo "ffmpeg measures theirs: $(ffmpeg -nostdin -hide_banner -i "$work/baseline.mp3" -af ebur128=peak=true:framelog=verbose -f null - 2>&1 | grep -E '^\s+(I|Peak):' | tr -s ' ' | tr '\n' ' ')"

script 2000 "$work/s2000.txt"
echo "filling the cache (2,000 lines)..." >&2
cli render "$work/s2000.txt" -o "$work/out2000" --json >/dev/null
rss() { /usr/bin/time -f '%M' dotnet "$root/artifacts/bin/SpeechGate.Cli/release/SpeechGate.Cli.dll" render "$1" -o "$2" --json 2>&1 >/dev/null | tail -1; }
small="$(rss "$work/s200.txt" "$work/out200")"
large="$(rss "$work/s2000.txt" "$work/out2000")"
printf 'peak RSS re-rendering 200 lines %d KB, 2,000 lines %d KB: ratio %.2f (<= 1.5 wanted)\n' "$small" "$large" "$(echo "$large / $small" | bc -l)"
