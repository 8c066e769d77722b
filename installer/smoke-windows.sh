#!/usr/bin/env bash
# Smoke-test dist/setup.exe under Wine, then the same PyInstaller spec built natively on Linux.
#
#   installer/smoke-windows.sh              # after installer/build-windows.sh
#   installer/smoke-windows.sh --windows    # only the Wine part
#   installer/smoke-windows.sh --linux      # only the native Linux build and its self-test
#
# Under Wine, in a throw-away prefix (MQ_SMOKE_KEEP=1 keeps it):
#  1. `setup.exe /S` installs for the current user without administrator rights: program files,
#     Start-menu and desktop shortcuts, the uninstall entry in HKCU;
#  2. the installed app passes `selftest` (Qt offscreen; output through a pipe, as Wine needs);
#  3. the installed app makes a database in the user's data folder, and `check` (no --db) finds
#     it there: that is where platformdirs puts it under Wine;
#  4. `setup.exe /S` again upgrades in place: stale program files are gone, the database is
#     byte-for-byte unchanged and still opens;
#  5. `uninstall.exe /S` removes the program, shortcuts and uninstall entry, keeps the data folder.
# Step timings are appended to build/windows/timings.txt.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

what="${1:-all}"
export QT_QPA_PLATFORM=offscreen

# A failed check ends the smoke test at once. (`step` runs each stage inside an `if`, where
# bash ignores `set -e` for the whole function: a check that only returned 1 would let the
# stage go on and, if a later command succeeded, pass.)
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
expect_file() { [ -e "$1" ] || fail "missing: $1"; echo "ok: $1"; }
expect_gone() { [ ! -e "$1" ] || fail "still there: $1"; echo "ok, gone: $1"; }

# --- under Wine ---------------------------------------------------------------------------------

smoke_root=""
setup_prefix() {
  smoke_root="$(mktemp -d /tmp/minqing-smoke.XXXXXX)"
  export WINEPREFIX="$smoke_root/prefix"
  new_prefix
  installer/wine/install-shims.sh "$smoke_root/shims"
  local user
  user="$(whoami)"
  HOME_C="$WINEPREFIX/drive_c/users/$user"
  APPDIR="$HOME_C/AppData/Local/Programs/$APP"          # the installer's per-user default
  DATADIR="$HOME_C/AppData/Local/$APP"                    # platformdirs' user_data_dir
  DATADIR_WIN="C:\\users\\$user\\AppData\\Local\\$APP"
  STARTMENU="$HOME_C/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/民情台账"
  DESKTOP_LNK="$HOME_C/Desktop/民情台账.lnk"
}

cleanup() {
  if [ -n "$smoke_root" ] && [ "${MQ_SMOKE_KEEP:-0}" != 1 ]; then
    WINEPREFIX="$smoke_root/prefix" wineserver -k >/dev/null 2>&1 || true
    rm -rf "$smoke_root"
  fi
}
trap cleanup EXIT

# run_app EXE ARGS...: the installed program, output through a pipe; returns its exit code.
# Wine itself now and then loses the connection to its server ("wine client error: recvmsg:
# Connection reset by peer") and the program never runs: then, and only then, once more.
run_app() {
  local exe="$1"; shift
  local attempt out status
  for attempt in 1 2; do
    # A timeout, because a Windows error box nobody can click would wait for ever.
    status=0
    out="$(timeout 900 wine "$APPDIR/$exe" "$@" 2>&1)" || status=$?
    echo "$out"
    if [ "$status" -ne 0 ] && [ "$attempt" = 1 ] && grep -q "wine client error" <<<"$out"; then
      echo "(Wine lost its server connection; running $exe once more)"
      wineserver -w || true
      continue
    fi
    return "$status"
  done
}

# run_installer EXE ARGS...: setup.exe or uninstall.exe; waits for every process it starts (the
# uninstaller copies itself to %TEMP% and runs from there). When Wine lost its server
# connection (see run_app), once more. Returns the exit code of the last run.
run_installer() {
  local exe="$1"; shift
  local attempt out status
  for attempt in 1 2; do
    status=0
    out="$(timeout 600 wine "$exe" "$@" 2>&1)" || status=$?
    echo "$out"
    wineserver -w || true
    if [ "$attempt" = 1 ] && [ -e "$exe" ] && grep -q "wine client error" <<<"$out"; then
      echo "(Wine lost its server connection; running $(basename "$exe") once more)"
      continue
    fi
    return "$status"
  done
}

install_silent() {
  run_installer "$DIST/setup.exe" /S || fail "setup.exe /S exited non-zero"
  expect_file "$APPDIR/$APP.exe"
  expect_file "$APPDIR/$APP-cli.exe"
  expect_file "$APPDIR/uninstall.exe"
  expect_file "$STARTMENU/民情台账.lnk"
  expect_file "$DESKTOP_LNK"
  wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MinqingTaizhang' \
    /v InstallLocation 2>/dev/null | tr -d '\r' | grep -i 'InstallLocation' \
    || fail "no uninstall entry in HKCU"
}

selftest_installed() {
  local out
  out="$(run_app "$APP.exe" selftest)" || { echo "$out"; fail "selftest of the installed app"; }
  echo "$out"
  grep -q "自检通过" <<<"$out" || fail "selftest did not report success"
}

make_database() {
  run_app "$APP-cli.exe" demo "$DATADIR_WIN\\minqing.db" --scale 0.05 --seed 7 \
    || fail "demo database with the installed app"
  expect_file "$DATADIR/minqing.db"
  # No --db: the app's own idea of its data folder must be the one above.
  run_app "$APP-cli.exe" check || fail "check of the default database"
  DB_SHA="$(sha256sum "$DATADIR/minqing.db" | cut -d' ' -f1)"
  echo "data folder under Wine: $DATADIR_WIN ($DATADIR), minqing.db sha256 $DB_SHA"
  # A file only an older version had: an in-place upgrade must not leave it behind.
  touch "$APPDIR/_internal/stale-from-old-version.txt"
}

upgrade() {
  install_silent
  expect_gone "$APPDIR/_internal/stale-from-old-version.txt"
  [ "$(sha256sum "$DATADIR/minqing.db" | cut -d' ' -f1)" = "$DB_SHA" ] \
    || fail "the upgrade changed the database"
  echo "ok: database unchanged by the upgrade"
  run_app "$APP-cli.exe" check || fail "the upgraded app cannot open the database"
}

uninstall_silent() {
  run_installer "$APPDIR/uninstall.exe" /S || true  # what it removed is checked below
  expect_gone "$APPDIR"
  expect_gone "$STARTMENU"
  expect_gone "$DESKTOP_LNK"
  if wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MinqingTaizhang' \
      >/dev/null 2>&1; then
    fail "uninstall entry still in HKCU"
  fi
  expect_file "$DATADIR/minqing.db"
  echo "ok: program removed, data folder kept"
}

smoke_wine() {
  [ -f "$DIST/setup.exe" ] || fail "no $DIST/setup.exe: run installer/build-windows.sh first"
  step "smoke: throw-away Wine prefix + shims" setup_prefix
  step "smoke: setup.exe /S (per user, no admin)" install_silent
  step "smoke: installed app selftest under Wine" selftest_installed
  step "smoke: database in the data folder" make_database
  step "smoke: upgrade in place keeps data" upgrade
  step "smoke: uninstall.exe /S keeps data" uninstall_silent
}

# --- natively on Linux --------------------------------------------------------------------------

LINUX="$ROOT/build/linux"
linux_build() {
  rm -rf "$LINUX/$APP"
  uv run --frozen --with pyinstaller==6.22.3 pyinstaller --noconfirm --log-level WARN \
    --distpath "$LINUX" --workpath "$LINUX/work" installer/minqing.spec
  echo "Linux bundle: $(size_mb "$LINUX/$APP") MB unpacked"
}

linux_selftest() {
  local out
  out="$("$LINUX/$APP/$APP" selftest 2>&1)" || { echo "$out"; fail "selftest of the Linux build"; }
  echo "$out"
  grep -q "自检通过" <<<"$out" || fail "Linux selftest did not report success"
}

smoke_linux() {
  step "Linux: PyInstaller (same spec)" linux_build
  step "Linux: bundled app selftest" linux_selftest
}

started=$SECONDS
case "$what" in
  all) smoke_wine; smoke_linux ;;
  --windows) smoke_wine ;;
  --linux) smoke_linux ;;
  *) echo "usage: smoke-windows.sh [--windows|--linux]" >&2; exit 2 ;;
esac
printf '%-44s %4d s\n' "smoke-windows.sh total" $((SECONDS - started)) | tee -a "$TIMINGS"
echo "SMOKE PASSED"
