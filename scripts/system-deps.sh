#!/usr/bin/env bash
# Install the Debian packages the project needs when they are missing: the PostgreSQL
# server for the second test run, Chromium for browser tests, CJK fonts for PDFs and
# gettext for translations. Does nothing when all are present.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
if [ "${1:-}" != "--all" ]; then
  # `make run` needs none of the test tools.
  [ "${1:-}" = "--run" ] && need=()
fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
