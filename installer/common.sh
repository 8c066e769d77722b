# Shared by build-windows.sh and smoke-windows.sh (sourced, not run): paths, timed steps,
# retries, the Wine environment.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${MQ_WINBUILD_CACHE:-$HOME/.cache/minqing-winbuild}"
BUILD="$ROOT/build/windows"
DIST="$ROOT/dist"
APP=MinqingTaizhang
mkdir -p "$CACHE" "$BUILD" "$DIST"

# Wine: 64-bit only, quiet, no offer to download Mono or Gecko (nothing here needs them), and
# no winemenubuilder: the installer's shortcuts must not turn into Linux menu entries.
export WINEARCH=win64
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

TIMINGS="${TIMINGS:-$BUILD/timings.txt}"

log() { printf '\n=== [%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# step NAME COMMAND...: run a command, print and record how long it took; stop on failure.
# COMMAND runs inside an `if`, where bash ignores `set -e` for the whole function: a stage must
# stop itself on a failed check (`|| return 1`, or the smoke test's `fail`, which exits).
step() {
  local name="$1"; shift
  log "$name"
  local started=$SECONDS
  if ! "$@"; then
    echo "FAILED: $name (after $((SECONDS - started)) s)" >&2
    printf '%-44s FAILED after %4d s\n' "$name" $((SECONDS - started)) >>"$TIMINGS"
    return 1
  fi
  printf '%-44s %4d s\n' "$name" $((SECONDS - started)) | tee -a "$TIMINGS"
}

# retry N COMMAND...: for downloads over a flaky network.
retry() {
  local tries="$1"; shift
  local n=1
  until "$@"; do
    if [ "$n" -ge "$tries" ]; then
      echo "giving up after $n tries: $*" >&2
      return 1
    fi
    echo "attempt $n failed; retrying in $((n * 5)) s: $*" >&2
    sleep $((n * 5))
    n=$((n + 1))
  done
}

# A Linux path as Wine sees it (drive Z: is the Linux root).
winpath() { printf 'Z:%s' "${1//\//\\}"; }

new_prefix() {
  # wineboot makes the prefix; wineserver -w waits until it has finished writing it.
  wineboot --init >/dev/null 2>&1 || true
  wineserver -w
  [ -d "$WINEPREFIX/drive_c/windows/system32" ] || {
    echo "wineboot did not create $WINEPREFIX" >&2
    return 1
  }
  # Wine links Desktop, Documents, ... to the Linux home folder; make them real folders inside
  # the prefix, so an installer's desktop shortcut stays in the prefix.
  local link
  for link in "$WINEPREFIX/drive_c/users/$(whoami)"/*; do
    if [ -L "$link" ]; then rm "$link"; mkdir "$link"; fi
  done
}

# size_mb PATH: disk usage in MB.
size_mb() { du -sm "$1" | cut -f1; }
