#!/usr/bin/env bash
# Everything VaxDesk needs on a fresh Debian 12 machine: Debian packages, then a virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(python3 python3-venv python3-pip softhsm2 opensc libegl1 libgl1 libfontconfig1 libfreetype6
      libglib2.0-0 libdbus-1-3 libxkbcommon0 libx11-6 libxcb-cursor0 poppler-utils fonts-dejavu-core)
[ "${VAXDESK_WITH_POSTGRES:-0}" = 1 ] && DEBS+=(postgresql)

missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -r requirements.txt ${VAXDESK_TEST_DEPS:+-r requirements-test.txt}
