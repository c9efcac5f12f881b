#!/usr/bin/env bash
# Install the Debian packages the project needs when they are missing. Does nothing when
# all are present.
#   --run  what serving the app needs: Node.js and npm for the map's front-end packages,
#          Pango for PDFs, CJK fonts so that Chinese names render in them
#   --all  that plus what the tests need: the PostgreSQL server, Chromium, gettext
set -euo pipefail

# grep reads its whole input (no -q): with pipefail, a grep that stops at the first match
# would make the listing command fail on a closed pipe and the check report a miss.
need=()
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null || need+=(fonts-noto-cjk)
ldconfig -p 2>/dev/null | grep "libpango-1.0.so.0" >/dev/null || need+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep "libpangoft2-1.0.so.0" >/dev/null || need+=(libpangoft2-1.0-0)
if [ "${1:-}" = "--all" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
