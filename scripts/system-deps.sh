#!/usr/bin/env bash
# Install the Debian packages the project needs when they are missing. Does nothing when
# all are present.
#   --run  what serving the app needs: Node.js and npm for the map's front-end packages,
#          Pango for PDFs, CJK fonts so that Chinese names render in them
#   --all  that plus what the tests need: the PostgreSQL server, Chromium, gettext
set -euo pipefail

need=()
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so.0" || need+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || need+=(libpangoft2-1.0-0)
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
