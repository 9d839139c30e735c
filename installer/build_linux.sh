#!/usr/bin/env bash
# Build the self-contained Linux folder build/vaxdesk/ with PyInstaller, then smoke-test it:
# the built program (no Python from the system) prints its version and creates a demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
$PY -m PyInstaller --version >/dev/null 2>&1 || $PY -m pip install -q pyinstaller

# Message catalogues (.ts/.qm) from the current source.
$PY scripts/extract_messages.py || echo "warning: some messages have problems (see above)" >&2

WORK=$(mktemp -d /tmp/vaxdesk-build.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
$PY -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$WORK/work" --distpath build installer/vaxdesk.spec

APP=build/vaxdesk/vaxdesk
export QT_QPA_PLATFORM=offscreen
# Run from elsewhere with a clean environment, so nothing from the source tree can leak in.
SMOKE="$WORK/smoke"
mkdir -p "$SMOKE"
version=$(cd "$SMOKE" && env -i PATH=/usr/bin:/bin HOME="$SMOKE" QT_QPA_PLATFORM=offscreen "$OLDPWD/$APP" --version)
echo "built: $version"
case "$version" in VaxDesk*) ;; *) echo "smoke test failed: --version printed '$version'" >&2; exit 1 ;; esac
(cd "$SMOKE" && env -i PATH=/usr/bin:/bin HOME="$SMOKE" QT_QPA_PLATFORM=offscreen \
  "$OLDPWD/$APP" --workspace "$SMOKE/ws" --json demo --people 20 > "$SMOKE/demo.json")
grep -q '"workspace"' "$SMOKE/demo.json" || { echo "smoke test failed: demo printed no workspace" >&2; exit 1; }
echo "smoke test passed: build/vaxdesk/"
