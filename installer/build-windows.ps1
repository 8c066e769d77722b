<#
.SYNOPSIS
  Build the 民情台账 installer on a real Windows PC: dist\setup.exe.

.DESCRIPTION
  The same steps as installer/build-windows.sh (which builds on Linux under Wine), without Wine
  and its test shims: Windows 10/11 has icuuc.dll, ProcessPrng and crealf.

  Needs, once:
    - 64-bit CPython 3.11 from python.org (the "py" launcher comes with it);
    - uv (py -3.11 -m pip install uv), to export the pinned requirements from uv.lock;
    - NSIS 3.x (https://nsis.sourceforge.io), makensis.exe on PATH or in its default folder.

  Run from a PowerShell prompt in the repository root:
    powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1

  Output: build\windows\MinqingTaizhang\ (the bundle) and dist\setup.exe. Then:
    dist\setup.exe /S                 silent per-user install (no administrator rights)
    MinqingTaizhang-cli.exe selftest  in the installed folder: prints one line per check
#>
[CmdletBinding()]
param(
    [string]$Python = "py -3.11",
    [string]$MakeNsis = ""
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Build = Join-Path $Root "build\windows"
$Venv = Join-Path $Build "venv"
$Dist = Join-Path $Root "dist"
New-Item -ItemType Directory -Force $Build, $Dist | Out-Null
$Timings = @()

function Step([string]$Name, [scriptblock]$Body) {
    Write-Host "`n=== $Name"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $Body
    if ($LASTEXITCODE -and $LASTEXITCODE -ne 0) { throw "$Name failed (exit code $LASTEXITCODE)" }
    $script:Timings += "{0,-40} {1,5:N0} s" -f $Name, $watch.Elapsed.TotalSeconds
}

function Invoke-Python([string[]]$Arguments) {
    $parts = $Python.Split(" ")
    & $parts[0] @($parts[1..($parts.Length - 1)] + $Arguments)
    if ($LASTEXITCODE -ne 0) { throw "python $Arguments failed" }
}

Step "virtual environment" {
    # A clean environment for the build only, so nothing else on the PC leaks into the bundle.
    if (-not (Test-Path "$Venv\Scripts\python.exe")) { Invoke-Python @("-m", "venv", $Venv) }
    & "$Venv\Scripts\python.exe" -c "import sys, struct; assert sys.version_info[:2] == (3, 11) and struct.calcsize('P') == 8, 'need 64-bit Python 3.11'"
}

Step "requirements from uv.lock" {
    $lock = uv export --no-dev --no-hashes --frozen --no-emit-project
    if ($LASTEXITCODE -ne 0) { throw "uv export failed (is uv installed? py -3.11 -m pip install uv)" }
    # Markers are evaluated for this very interpreter here, so plain pip can read the export.
    $lock | Set-Content -Encoding utf8 "$Build\requirements-app.txt"
}

Step "pip install (app + PyInstaller)" {
    & "$Venv\Scripts\python.exe" -m pip install --disable-pip-version-check --only-binary=:all: `
        -r "$Build\requirements-app.txt" -r "installer\requirements-build.txt"
}

Step "PyInstaller" {
    & "$Venv\Scripts\python.exe" -X utf8 -m PyInstaller --noconfirm --log-level WARN `
        --distpath $Build --workpath "$Build\pyinstaller" installer\minqing.spec
    if (-not (Test-Path "$Build\MinqingTaizhang\MinqingTaizhang.exe")) { throw "no bundle" }
    $mb = [math]::Round((Get-ChildItem -Recurse "$Build\MinqingTaizhang" | Measure-Object Length -Sum).Sum / 1MB)
    Write-Host "bundle: $mb MB unpacked (limit 300 MB)"
    if ($mb -gt 300) { throw "bundle too big: $mb MB" }
}

Step "self-test of the bundle" {
    # The console twin prints to this window; the windowed exe would not.
    $env:QT_QPA_PLATFORM = "offscreen"
    & "$Build\MinqingTaizhang\MinqingTaizhang-cli.exe" selftest
    Remove-Item Env:\QT_QPA_PLATFORM
}

Step "NSIS" {
    $version = & "$Venv\Scripts\python.exe" -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
    $version4 = & "$Venv\Scripts\python.exe" -c "from installer.version_info import windows_version as w; print('.'.join(map(str, w('$version'))))"
    if (-not $MakeNsis) {
        $MakeNsis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
        if (-not $MakeNsis) { $MakeNsis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
    }
    & $MakeNsis -V2 -INPUTCHARSET UTF8 "-DVERSION=$version" "-DVERSION4=$version4" `
        "-DSRCDIR=$Build\MinqingTaizhang" "-DICON=$Root\build\generated\win32\minqing.ico" `
        "-DOUTFILE=$Dist\setup.exe" installer\minqing.nsi
    $mb = [math]::Round((Get-Item "$Dist\setup.exe").Length / 1MB)
    Write-Host "installer: $Dist\setup.exe, $mb MB (limit 120 MB)"
    if ($mb -gt 120) { throw "installer too big: $mb MB" }
}

Write-Host "`n=== timings"
$Timings | ForEach-Object { Write-Host $_ }
