#!/usr/bin/env bash
# In-process eSpeak NG + lame vs the espeak-ng and lame command-line tools, 1,000 characters to mp3_44100_128.
# Usage: bench/local-synthesis.sh [iterations]   (default 10, after 2 warm-up rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/LocalSynthesis/LocalSynthesis.csproj -c Release -nologo -v quiet
dotnet artifacts/bin/LocalSynthesis/release/LocalSynthesis.dll "${1:-10}"
