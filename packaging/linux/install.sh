#!/usr/bin/env bash
# Installs this Advisor Desk bundle for the current user, without root: the app to
# ~/.local/lib/advisor-desk, the command ~/.local/bin/advisor-app, the menu entry, the icons
# and the AppStream metainfo under ~/.local/share. Run it again from a newer bundle to update;
# the workspace (~/.local/share/advisor-desk) is never touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
id=com.advisordesk.AdvisorDesk
lib=${ADVISOR_DESK_LIB:-$HOME/.local/lib}/advisor-desk
bin=$HOME/.local/bin
data=${XDG_DATA_HOME:-$HOME/.local/share}

"$here/advisor-app" --version >/dev/null  # refuse a bundle that does not start

if [ "$here" != "$lib" ]; then
  # Copy beside the old version, then swap, so a failed copy leaves the old one working.
  mkdir -p "$(dirname "$lib")"
  rm -rf "$lib.new" "$lib.old"
  cp -a "$here" "$lib.new"
  if [ -e "$lib" ]; then mv "$lib" "$lib.old"; fi
  mv "$lib.new" "$lib"
  rm -rf "$lib.old"
fi

mkdir -p "$bin" "$data/applications" "$data/metainfo" "$data/icons/hicolor"
ln -sfn "$lib/advisor-app" "$bin/advisor-app"
sed -e "s|^Exec=advisor-app|Exec=\"$lib/advisor-app\"|" "$lib/share/applications/$id.desktop" \
  > "$data/applications/$id.desktop"
cp "$lib/share/metainfo/$id.metainfo.xml" "$data/metainfo/"
cp -r "$lib/share/icons/hicolor/." "$data/icons/hicolor/"
update-desktop-database -q "$data/applications" 2>/dev/null || true
gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true

echo "Advisor Desk $("$lib/advisor-app" --version | cut -d' ' -f2) installed in $lib"
case ":$PATH:" in
  *":$bin:"*) echo "Start it from the applications menu or with: advisor-app" ;;
  *) echo "Start it from the applications menu or with: $bin/advisor-app ($bin is not on your PATH)" ;;
esac
