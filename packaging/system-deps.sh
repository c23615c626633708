#!/usr/bin/env bash
# Installs the Debian packages Advisor Desk needs (when run as root), or prints the exact
# apt-get line and fails. Usage: packaging/system-deps.sh run|test|package
set -euo pipefail

profile=${1:-run}
here=$(cd "$(dirname "$0")" && pwd)

# Qt's runtime on a bare Debian 12, the xcb platform plugin for a real window, and fonts
# (without any font Qt renders no text and warns on every widget).
packages=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 fonts-dejavu-core)
if [ "$profile" = test ]; then
  # The real Secret Service keyring for the credential tests.
  packages+=(dbus gnome-keyring)
fi
if [ "$profile" = test ] || [ "$profile" = package ]; then
  # PyInstaller reads and strips binaries with binutils; the desktop entry and the AppStream
  # metainfo are validated as they are built (the test suite builds the bundle).
  packages+=(binutils desktop-file-utils appstream)
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  packages+=(python3-venv)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; make sure Qt 6's runtime libraries are installed" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Advisor Desk needs these system packages; install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
