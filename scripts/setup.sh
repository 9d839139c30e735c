#!/usr/bin/env bash
# Everything VaxDesk needs on a fresh Debian 12 machine: Debian packages, then a virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(python3 python3-venv python3-pip softhsm2 opensc libegl1 libgl1 libfontconfig1 libfreetype6
      libglib2.0-0 libdbus-1-3 libxkbcommon0 libx11-6 poppler-utils fonts-dejavu-core
      # Qt's xcb platform plugin (a real window); its own error names only the last one missing.
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
      libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-sync1 libxcb-shm0 libxcb-render0
      libxcb-util1)
[ "${VAXDESK_WITH_POSTGRES:-0}" = 1 ] && DEBS+=(postgresql)
# ZBar: the tests read printed QR codes with a second, independent decoder.
[ -n "${VAXDESK_TEST_DEPS:-}" ] && DEBS+=(zbar-tools)
# nginx: the load balancer in front of the central service's replicas (tests and benchmark).
[ -n "${VAXDESK_TEST_DEPS:-}" ] && DEBS+=(nginx-light)

# One dpkg-query for all of them: a later launch costs milliseconds when nothing is missing.
installed=" $(dpkg-query -W -f='${Package}:${Status} ' "${DEBS[@]}" 2>/dev/null | tr ' ' '\n' | sed -n 's/:install$//p' | tr '\n' ' ') "
missing=()
for pkg in "${DEBS[@]}"; do
  [[ "$installed" == *" $pkg "* ]] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# pip runs only when the requirements changed since the last successful install.
REQS=(requirements.txt); [ -n "${VAXDESK_TEST_DEPS:-}" ] && REQS+=(requirements-test.txt)
STAMP=".venv/.vaxdesk-installed-$(IFS=-; echo "${REQS[*]}" | tr -c 'a-z0-9-' '_')"
WANT=$(cat "${REQS[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q "${REQS[@]/#/-r}"
  echo "$WANT" > "$STAMP"
fi
