#!/bin/sh
# Adds Annotator to the applications menu of this user (Linux desktops), pointing at
# this folder. Run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/annotator.png" "$icons/annotator.png"
sed "s|^Exec=.*|Exec=\"$here/annotator\"|" "$here/annotator.desktop" > "$apps/annotator.desktop"
echo "Annotator is in the applications menu ($apps/annotator.desktop)."
