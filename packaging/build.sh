#!/usr/bin/env bash
# `make package`: the PyInstaller bundle for this OS, from packaging/advisor-desk.spec.
# Linux: DIST/advisor-desk/ (the app, share/ with the desktop entry, AppStream metainfo and
# icons, install.sh, uninstall.sh) and DIST/advisor-desk-VERSION-linux-ARCH.tar.gz.
# Windows and macOS: DIST/advisor-desk/ (or the .app); their installers are in windows/ and macos/.
# Environment: PY (default .venv/bin/python), DIST (default dist), WORK (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PY:-.venv/bin/python}
dist=${DIST:-dist}
work=${WORK:-build}
id=com.advisordesk.AdvisorDesk
version=$("$py" -c 'from importlib.metadata import version; print(version("advisor-desk"))')

rm -rf "$work/icons"
"$py" packaging/linux/render_icons.py "$work/icons"
ADVISOR_ICON_DIR="$work/icons" "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" packaging/advisor-desk.spec

if [ "$(uname -s)" != Linux ]; then
  echo "built $dist/; the installer recipes are in packaging/windows and packaging/macos"
  exit 0
fi
bundle=$dist/advisor-desk
share=$bundle/share
mkdir -p "$share/applications" "$share/metainfo" "$share/icons"
cp packaging/linux/$id.desktop "$share/applications/"
released=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$released/" packaging/linux/$id.metainfo.xml \
  > "$share/metainfo/$id.metainfo.xml"
cp -r "$work/icons/hicolor" "$share/icons/"
install -m 755 packaging/linux/install.sh packaging/linux/uninstall.sh "$bundle/"

if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$share/applications/$id.desktop"; fi
if command -v appstreamcli >/dev/null; then appstreamcli validate --no-net --pedantic "$share/metainfo/$id.metainfo.xml" >/dev/null; fi

tarball=$dist/advisor-desk-$version-linux-$(uname -m).tar.gz
tar -C "$dist" -czf "$tarball" advisor-desk
echo "built $bundle ($(du -sh "$bundle" | cut -f1) unpacked) and $tarball ($(du -h "$tarball" | cut -f1))"
