; 民情台账 installer (NSIS 3, Unicode, 64-bit stubs).
;
; Built by installer/build-windows.sh (Linux) or installer/build-windows.ps1 (Windows):
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSRCDIR=dist/MinqingTaizhang \
;            -DICON=build/generated/win32/minqing.ico -DOUTFILE=dist/setup.exe installer/minqing.nsi
;
; - Per-user install by default, no administrator rights: %LOCALAPPDATA%\Programs\MinqingTaizhang.
;   "All users" (C:\Program Files\MinqingTaizhang) is offered on the first page and with /ALLUSERS;
;   it needs the installer started "as administrator" and says so otherwise.
; - The data (database, backups, logs, keys) is never under the program folder: it lives in the
;   user's data folder %LOCALAPPDATA%\MinqingTaizhang (db/paths.py, platformdirs). Upgrading
;   replaces the program files only; uninstalling keeps the data unless the user ticks
;   "also delete my data" (silent: /DELETEDATA).
; - Silent: setup.exe /S [/ALLUSERS] [/D=DIR]   uninstall.exe /S [/DELETEDATA]

Unicode true
Target amd64-unicode
; Solid LZMA with a 64 MB dictionary: the smallest file for a USB stick (about 71 MB, but
; ~3 min of one core). -DCOMPRESSOR=bzip2: ~20 s, about 106 MB (CI uses it to stay fast).
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif
SetCompressor /SOLID ${COMPRESSOR}
SetCompressorDictSize 64
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "give -DVERSION=x.y.z (from pyproject.toml)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef SRCDIR
  !define SRCDIR "..\dist\MinqingTaizhang"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\setup.exe"
!endif
!ifndef ICON
  !define ICON "..\build\generated\win32\minqing.ico"
!endif

!define APPNAME "民情台账"
!define APPKEY "MinqingTaizhang"
!define EXE "MinqingTaizhang.exe"
!define CLI "MinqingTaizhang-cli.exe"
!define PUBLISHER "民情台账开发组"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION4}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "nsDialogs.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在运行${APPNAME}"

Var AllUsers          ; 1 = for every user of this PC (Program Files, HKLM)
Var ScopeRadioMe
Var ScopeRadioAll
Var DataDir           ; the user's data folder: kept on upgrade and (by default) on uninstall
Var DeleteData        ; uninstall: 1 = also delete the data folder
Var DeleteDataBox

!insertmacro MUI_PAGE_WELCOME
Page custom ScopePage ScopePageLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

; --- install scope ---------------------------------------------------------------------------

!macro UseScope
  ${If} $AllUsers == 1
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
!macroend

Function IsAdmin
  ; Leaves "1" on the stack when this process runs with administrator rights.
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 == "Admin"
    Push 1
  ${Else}
    Push 0
  ${EndIf}
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APPNAME}需要 64 位 Windows 10 或更新版本。" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  ; An earlier installation: upgrade it in place, in the same scope and folder.
  ReadRegStr $R2 HKLM "${UNINSTKEY}" "InstallLocation"
  ${If} $R2 != ""
    StrCpy $AllUsers 1
    StrCpy $INSTDIR $R2
  ${Else}
    ReadRegStr $R2 HKCU "${UNINSTKEY}" "InstallLocation"
    ${If} $R2 != ""
      StrCpy $INSTDIR $R2
    ${ElseIf} $AllUsers == 1
      StrCpy $INSTDIR "$PROGRAMFILES64\${APPKEY}"
    ${EndIf}
  ${EndIf}
  ${If} $AllUsers == 1
    Call IsAdmin
    Pop $0
    ${If} $0 != 1
      MessageBox MB_ICONSTOP "为所有用户安装需要管理员权限。$\r$\n请右键单击安装程序，选择“以管理员身份运行”；或者只为自己安装（不需要管理员权限）。" /SD IDOK
      SetErrorLevel 740  ; ERROR_ELEVATION_REQUIRED
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

Function ScopePage
  !insertmacro MUI_HEADER_TEXT "安装方式" "选择为谁安装${APPNAME}。"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 24u "数据（数据库、备份、日志）保存在每位用户自己的数据文件夹中，升级和卸载都不会删除它。"
  Pop $0
  ${NSD_CreateRadioButton} 0 34u 100% 12u "仅为我安装（推荐，不需要管理员权限）"
  Pop $ScopeRadioMe
  ${NSD_CreateRadioButton} 0 52u 100% 12u "为这台电脑的所有用户安装（需要以管理员身份运行安装程序）"
  Pop $ScopeRadioAll
  ${If} $AllUsers == 1
    ${NSD_Check} $ScopeRadioAll
  ${Else}
    ${NSD_Check} $ScopeRadioMe
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function ScopePageLeave
  ${NSD_GetState} $ScopeRadioAll $0
  ${If} $0 == ${BST_CHECKED}
    Call IsAdmin
    Pop $1
    ${If} $1 != 1
      MessageBox MB_ICONEXCLAMATION "为所有用户安装需要管理员权限。$\r$\n请关闭安装程序，右键单击它并选择“以管理员身份运行”；或者选择“仅为我安装”。"
      Abort
    ${EndIf}
    ${If} $AllUsers != 1
      StrCpy $INSTDIR "$PROGRAMFILES64\${APPKEY}"
    ${EndIf}
    StrCpy $AllUsers 1
  ${Else}
    ${If} $AllUsers == 1
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${APPKEY}"
    ${EndIf}
    StrCpy $AllUsers 0
  ${EndIf}
FunctionEnd

; --- install ---------------------------------------------------------------------------------

Section "Install"
  SetRegView 64
  !insertmacro UseScope
  SetOutPath "$INSTDIR"
  ; Upgrade: the old program files go first, so no module of the previous version lingers.
  ; Only the program folder is touched; the data folder is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"
  File /r "${SRCDIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APPNAME}\${APPNAME}（演示数据）.lnk" "$INSTDIR\${EXE}" "--demo" "$INSTDIR\${EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ${GetSize} "$INSTDIR" "/S=0K" $1 $2 $3
  ${If} $AllUsers == 1
    WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
    WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
    WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
    WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /ALLUSERS'
    WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S /ALLUSERS'
    WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
    WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
    WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" $1
  ${Else}
    WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
    WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
    WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
    WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
    WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $1
  ${EndIf}
SectionEnd

; --- uninstall -------------------------------------------------------------------------------

Function un.onInit
  SetRegView 64
  StrCpy $DeleteData 0
  StrCpy $AllUsers 0
  ReadRegStr $R2 HKLM "${UNINSTKEY}" "InstallLocation"
  ${If} $R2 == $INSTDIR
    StrCpy $AllUsers 1
  ${EndIf}
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $DeleteData 1
  ${EndIf}
  ; The data folder of the user running the uninstaller (never the all-users profile).
  SetShellVarContext current
  StrCpy $DataDir "$LOCALAPPDATA\${APPKEY}"
FunctionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "保留数据" "卸载只删除程序文件。"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 36u "您的数据（数据库、备份、日志、交换密钥）保存在：$\r$\n$DataDir$\r$\n卸载后会保留，重新安装即可继续使用。"
  Pop $0
  ${NSD_CreateCheckbox} 0 48u 100% 12u "同时删除我的数据（不可恢复）"
  Pop $DeleteDataBox
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DeleteDataBox $0
  ${If} $0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "确定要删除 $DataDir 中的全部数据吗？删除后无法恢复。" IDYES +2
    Abort
    StrCpy $DeleteData 1
  ${Else}
    StrCpy $DeleteData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetRegView 64
  !insertmacro UseScope
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: files the user put there stay
  ${If} $AllUsers == 1
    DeleteRegKey HKLM "${UNINSTKEY}"
  ${Else}
    DeleteRegKey HKCU "${UNINSTKEY}"
  ${EndIf}
  ${If} $DeleteData == 1
    RMDir /r "$DataDir"
  ${EndIf}
SectionEnd
