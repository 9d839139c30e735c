#!/usr/bin/env bash
# Set everything up, build a demo workspace with both reference services running, open VaxDesk on it.
# A later launch reuses everything: setup.sh checks the Debian packages with one dpkg-query and skips
# pip when the requirements are unchanged, and the demo workspace (token included) is built only once.
# VAXDESK_DEMO_SETUP=0 skips setup.sh altogether (a machine set up by other means).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${VAXDESK_DEMO_SETUP:-1}" = 0 ] || bash scripts/setup.sh
WS="${VAXDESK_DEMO_WORKSPACE:-$HOME/VaxDesk-demo}"
PY=.venv/bin/python
if [ ! -f "$WS/demo.json" ]; then
  $PY main.py --workspace "$WS" --json demo --people "${VAXDESK_DEMO_PEOPLE:-300}" > "$WS.demo.json.tmp"
  mv "$WS.demo.json.tmp" "$WS/demo.json"
fi
# the services' ports and data, read from demo.json once into demo.env (no Python start on later launches)
if [ ! -f "$WS/demo.env" ] || [ "$WS/demo.json" -nt "$WS/demo.env" ]; then
  $PY - "$WS/demo.json" > "$WS/demo.env.tmp" <<'PY'
import json, sys
from urllib.parse import urlparse
d = json.load(open(sys.argv[1]))
print(urlparse(d["registry_url"]).port, urlparse(d["central_url"]).port, d["registry_population"], d["central_data"])
PY
  mv "$WS/demo.env.tmp" "$WS/demo.env"
fi
read -r REG_PORT CEN_PORT POP DATA < "$WS/demo.env"
mkdir -p "$WS/logs"
# The services start at a lower CPU priority: on a 2-core machine their start-up (the central's worker
# processes included) would otherwise take the cores the window needs to open.
nice -n 5 $PY main.py registry serve --port "$REG_PORT" --population "$POP" > "$WS/logs/registry.out" 2>&1 &
REG_PID=$!
nice -n 5 $PY main.py central serve --port "$CEN_PORT" --data "$DATA" > "$WS/logs/central.out" 2>&1 &
CEN_PID=$!
trap 'kill $REG_PID $CEN_PID 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"; fi
export SOFTHSM2_CONF="$WS/softhsm2.conf"
echo "VaxDesk demo workspace: $WS (demo sign-in and token PIN are in $WS/demo.json)"
$PY main.py --workspace "$WS" "$@"
