#!/usr/bin/env bash
# macOS recipe: the .app from the PyInstaller spec, signed, in a .dmg. Not run by CI (this
# project builds on Linux); run on a Mac with Xcode's command line tools, from the top of the tree:
#   make package                     # dist/Advisor Desk.app (the spec's BUNDLE step)
#   SIGN_ID="Developer ID Application: Vendor (TEAMID)" packaging/macos/build-dmg.sh
# Read packaging/macos/README.md about signing before shipping: an unsigned or re-signed app
# loses access to the secrets it stored in the keychain.
set -euo pipefail
cd "$(dirname "$0")/../.."
app="dist/Advisor Desk.app"
version=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("advisor-desk"))')
dmg="dist/advisor-desk-$version-macos-$(uname -m).dmg"
[ -d "$app" ] || { echo "no $app: run make package first" >&2; exit 1; }

if [ -n "${SIGN_ID:-}" ]; then
  # Hardened runtime (needed for notarization); sign inside-out via --deep on the one-folder bundle.
  codesign --force --deep --options runtime --timestamp --sign "$SIGN_ID" "$app"
  codesign --verify --deep --strict "$app"
else
  echo "SIGN_ID not set: the app stays ad-hoc signed (for testing only; see README.md)" >&2
fi

"$app/Contents/MacOS/Advisor Desk" --self-test

rm -f "$dmg"
hdiutil create -volname "Advisor Desk" -srcfolder "$app" -ov -format UDZO "$dmg"
if [ -n "${SIGN_ID:-}" ]; then
  codesign --sign "$SIGN_ID" --timestamp "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
echo "built $dmg"
