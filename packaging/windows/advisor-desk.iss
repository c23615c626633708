; Inno Setup script: the Windows installer around the PyInstaller bundle.
; Not built by CI (this project builds on Linux); build on Windows after `make package`
; (or packaging\build.sh under Git Bash), which leaves dist\advisor-desk\:
;   iscc /DAppVersion=0.1.0 packaging\windows\advisor-desk.iss
; Per-user install (no administrator): {localappdata}\Programs\Advisor Desk. The workspaces
; live in %LOCALAPPDATA%\advisor-desk (platformdirs) and are never removed by the uninstaller.
; Updating: run the newer installer; the same AppId replaces the old version in place.
; Signing: sign both executables and the installer (SignTool with an Authenticode
; certificate, e.g. via [Setup] SignTool=); unsigned builds trip SmartScreen on first start.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{24208994-0568-40D9-84C1-71E246759CF3}
AppName=Advisor Desk
AppVersion={#AppVersion}
AppPublisher=Advisor Desk
DefaultDirName={localappdata}\Programs\Advisor Desk
DefaultGroupName=Advisor Desk
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=advisor-desk-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\Advisor Desk.exe
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Files]
; The whole one-folder bundle: Advisor Desk.exe (windowed), advisor-app.exe (console: --self-test, CLI), _internal\.
Source: "..\..\dist\advisor-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundle's internals wholesale: no stale DLL of an older version stays.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Advisor Desk"; Filename: "{app}\Advisor Desk.exe"
Name: "{autodesktop}\Advisor Desk"; Filename: "{app}\Advisor Desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\Advisor Desk.exe"; Description: "{cm:LaunchProgram,Advisor Desk}"; Flags: nowait postinstall skipifsilent
