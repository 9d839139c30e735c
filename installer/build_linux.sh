#!/usr/bin/env bash
# Build the self-contained Linux folder build/vaxdesk/ with PyInstaller, then smoke-test it: the
# built program (no Python from the system, a clean environment, another folder) prints its
# version, creates a demo workspace and lists the demo accounts.
#   VAXDESK_BUILD_DIR  where the folder goes (default: build)
#   PYTHON             the Python that runs PyInstaller (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-.venv/bin/python}
DIST=${VAXDESK_BUILD_DIR:-build}
$PY -m PyInstaller --version >/dev/null 2>&1 || $PY -m pip install -q pyinstaller

WORK=$(mktemp -d /tmp/vaxdesk-build.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# Message catalogues (.ts/.qm) from the current source, in the build's own folder: the build never
# rewrites the tracked files in resources/i18n/ (scripts/extract_messages.py does, when asked).
$PY scripts/extract_messages.py --out "$WORK/i18n" || echo "warning: some messages have problems (see above)" >&2

$PY -m PyInstaller --noconfirm --clean --log-level ERROR \
  --workpath "$WORK/work" --distpath "$DIST" installer/vaxdesk.spec
cp "$WORK"/i18n/vaxdesk_* "$DIST/vaxdesk/_internal/resources/i18n/"

case "$DIST" in /*) APP="$DIST/vaxdesk/vaxdesk" ;; *) APP="$ROOT/$DIST/vaxdesk/vaxdesk" ;; esac
SMOKE="$WORK/smoke"
mkdir -p "$SMOKE"
run() { (cd "$SMOKE" && env -i PATH=/usr/bin:/bin HOME="$SMOKE" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$APP" "$@"); }

version=$(run --version)
echo "built: $version"
case "$version" in "VaxDesk "*) ;; *) echo "smoke test failed: --version printed '$version'" >&2; exit 1 ;; esac

run --workspace "$SMOKE/ws" --json demo --people 20 > "$SMOKE/demo.json"
$PY - "$SMOKE/demo.json" <<'PYEOF'
import json, sys
demo = json.load(open(sys.argv[1], encoding="utf-8"))
assert demo["workspace"] and demo["list_file"], demo
print("demo: workspace", demo["workspace"], "| not bundled:", demo.get("missing") or "nothing")
PYEOF

echo quantri-demo | run --workspace "$SMOKE/ws" --user quantri --password-stdin --json users list > "$SMOKE/users.json"
$PY - "$SMOKE/users.json" <<'PYEOF'
import json, sys
roles = sorted(u["role"] for u in json.load(open(sys.argv[1], encoding="utf-8")))
assert roles == ["administrator", "automation", "clerk", "signer"], roles
print("accounts:", roles)
PYEOF
echo "smoke test passed: $DIST/vaxdesk/ ($(du -sh "$DIST/vaxdesk" | cut -f1))"
