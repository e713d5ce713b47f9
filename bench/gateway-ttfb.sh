#!/usr/bin/env bash
# Time to first byte through the gateway (ElevenLabs provider -> fake ElevenLabs, first byte at 75 ms) versus straight
# from the fake, same run. Usage: bench/gateway-ttfb.sh [iterations] [warmup]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/GatewayTtfb/GatewayTtfb.csproj -- "${1:-1000}" "${2:-100}"
