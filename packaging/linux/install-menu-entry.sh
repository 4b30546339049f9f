#!/bin/sh
# Add Fair strictness to this user's application menu (no administrator rights needed).
# Run it once from the unpacked folder, or double-click it and choose "Run"; run it again after moving
# the folder. Remove the entry with:  sh install-menu-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps=${XDG_DATA_HOME:-$HOME/.local/share}/applications
icons=${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps
entry=$apps/fair-strictness.desktop
if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icons/fair-strictness.png"
    echo "Removed $entry"
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/fair-strictness.png" "$icons/fair-strictness.png"
# the menu needs the full path of the program (the folder is not on PATH)
sed -e "s|^Exec=fair-strictness|Exec=\"$here/fair-strictness\"|" \
    -e "s|^Icon=fair-strictness|Icon=$icons/fair-strictness.png|" \
    "$here/fair-strictness.desktop" > "$entry"
chmod 644 "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" >/dev/null 2>&1 || true
echo "Fair strictness is now in your application menu ($entry)."
