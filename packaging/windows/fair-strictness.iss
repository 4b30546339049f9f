; Inno Setup script: the Windows installer around the PyInstaller folder (dist\fair-strictness).
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\fair-strictness.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\fair-strictness.iss
;
; Installs for the current user only (no administrator rights: a teacher's school laptop), adds a
; Start-menu entry (and the demo year beside it), optionally a desktop icon, and an uninstaller.
; Uninstalling leaves the teacher's log and backups alone (%LOCALAPPDATA%\fair-strictness): they are
; the teacher's data; docs/privacy.md says how to erase them.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6B1C2E0A-4F1D-4C5E-9A57-2F7D3C9B8E41}
AppName=Fair strictness
AppVersion={#AppVersion}
AppVerName=Fair strictness {#AppVersion}
AppPublisher=The fair-strictness authors
DefaultDirName={autopf}\fair-strictness
DefaultGroupName=Fair strictness
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=fair-strictness-{#AppVersion}-windows-setup
UninstallDisplayIcon={app}\fair-strictness.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
dutch.AppTitle=Rechtvaardige strengheid
english.AppTitle=Fair strictness
dutch.DemoTitle=Rechtvaardige strengheid - demojaar
english.DemoTitle=Fair strictness - demo year

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\fair-strictness\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{cm:AppTitle}"; Filename: "{app}\fair-strictness.exe"; WorkingDir: "{userdocs}"
Name: "{userprograms}\{cm:DemoTitle}"; Filename: "{app}\fair-strictness.exe"; Parameters: "--demo"; WorkingDir: "{userdocs}"
Name: "{userdesktop}\{cm:AppTitle}"; Filename: "{app}\fair-strictness.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\fair-strictness.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent
