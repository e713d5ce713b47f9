#!/usr/bin/env bash
# Proofing a 100,000-character script in process vs `hunspell -l` over the same text (same run, ratio), and the
# proofing stage's per-request overhead on the miss path for a 1,000-character text.
# Usage: bench/proofing.sh [rounds]   (default 7, after a warm-up round)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
ensure_deps test
dotnet build bench/Proofing/Proofing.csproj -c Release -nologo -v quiet
dotnet artifacts/bin/Proofing/release/Proofing.dll "${1:-7}"
