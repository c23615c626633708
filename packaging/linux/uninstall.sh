#!/usr/bin/env bash
# Removes what install.sh put in place. The workspaces (accounts, cases, drafts, logs) stay
# in ~/.local/share/advisor-desk; delete that folder yourself to remove them too.
set -euo pipefail
id=com.advisordesk.AdvisorDesk
lib=${ADVISOR_DESK_LIB:-$HOME/.local/lib}/advisor-desk
bin=$HOME/.local/bin
data=${XDG_DATA_HOME:-$HOME/.local/share}

if [ "$(readlink "$bin/advisor-app" 2>/dev/null)" = "$lib/advisor-app" ]; then rm -f "$bin/advisor-app"; fi
rm -f "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml"
find "$data/icons/hicolor" -path "*/apps/advisor-desk.*" -delete 2>/dev/null || true
rm -rf "$lib"
update-desktop-database -q "$data/applications" 2>/dev/null || true
gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "Advisor Desk removed. Your workspaces are still in $data/advisor-desk"
