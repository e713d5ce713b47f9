# Sourced by ./speechgate and ./test: installs what is missing, quietly, and reports on stderr.
# Usage: ensure_deps runtime|test
ensure_deps() {
  local want=(libespeak-ng1 espeak-ng-data libmp3lame0 libopus0 libogg0 libsoxr0 libsqlite3-0
    libhunspell-1.7-0 hunspell-en-us libmpg123-0 libflac12 libebur128-1)
  if [ "${1:-runtime}" = test ]; then
    want+=(sox libsox-fmt-all opus-tools espeak-ng lame nodejs npm nginx wrk hunspell ffmpeg postgresql chromium)
  fi
  local missing=()
  for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  # node/npm may come from elsewhere than Debian (nvm, /usr/local): accept them on PATH.
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    local filtered=()
    for pkg in "${missing[@]}"; do [ "$pkg" = nodejs ] || [ "$pkg" = npm ] || filtered+=("$pkg"); done
    missing=("${filtered[@]}")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "speechgate: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2 || { echo "speechgate: apt-get update failed" >&2; return 1; }
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
      || { echo "speechgate: could not install ${missing[*]}" >&2; return 1; }
  fi
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "speechgate: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
    return 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
