#!/usr/bin/env bash
# Per-request overhead of the ElevenLabs provider over a raw HttpClient call to the fake ElevenLabs server.
# Usage: bench/provider-overhead.sh [iterations]   (default 5000, after warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/ProviderOverhead/ProviderOverhead.csproj -- "${1:-5000}"
