#!/usr/bin/env bash
# TEST SCAFFOLDING FOR WINE ONLY — never shipped in the installer.
#
# Puts into the current WINEPREFIX's system32 the three things Wine 8 lacks and real Windows 10/11
# has (see README.md): icuuc.dll (stub), bcryptprimitives.dll (ProcessPrng), and a copy of Wine's
# ucrtbase.dll with crealf/creall/cimagf implemented; and tells Wine to prefer that copy.
# The DLLs go into the Wine prefix, never into the PyInstaller bundle (which takes no DLLs from
# the Windows folder); build-windows.sh checks that none of them ended up in it.
#
#   WINEPREFIX=... installer/wine/install-shims.sh OUTDIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: install-shims.sh OUTDIR}"
: "${WINEPREFIX:?set WINEPREFIX}"
mkdir -p "$out"

wine_dlls=""
for dir in /usr/lib/x86_64-linux-gnu/wine/x86_64-windows /usr/lib/wine/x86_64-windows \
           /opt/wine-stable/lib/wine/x86_64-windows; do
  if [ -f "$dir/ucrtbase.dll" ]; then wine_dlls="$dir"; break; fi
done
[ -n "$wine_dlls" ] || { echo "install-shims: Wine's x86_64 ucrtbase.dll not found" >&2; exit 1; }

cc=x86_64-w64-mingw32-gcc
$cc -O2 -shared -s -o "$out/icuuc.dll" "$here/icuuc.c"
$cc -O2 -shared -s -o "$out/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32
python3 "$here/patch_ucrtbase.py" "$wine_dlls/ucrtbase.dll" "$out/ucrtbase.dll"

system32="$WINEPREFIX/drive_c/windows/system32"
[ -d "$system32" ] || { echo "install-shims: $system32 missing (run wineboot first)" >&2; exit 1; }
cp "$out/icuuc.dll" "$out/bcryptprimitives.dll" "$out/ucrtbase.dll" "$system32/"
WINEDEBUG=-all wine reg add 'HKCU\Software\Wine\DllOverrides' /v ucrtbase /d native,builtin /f \
  >/dev/null 2>&1
WINEDEBUG=-all wineserver -w
echo "install-shims: icuuc.dll, bcryptprimitives.dll, ucrtbase.dll (patched) in $system32"
