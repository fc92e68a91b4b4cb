// Real-editor test with a second LSP client: headless Neovim runs dist/server.js --stdio on a copy of
// examples/broken-auth, gets persist-mismatch on app/models.py, applies the values_callable fix, sees it clear.
// Needs Debian's neovim (installed by `bash scripts/install-e2e-tools.sh`); skipped with that hint otherwise.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { E2E_DIR, REPO_ROOT, findNeovim } from './support/e2eTools';
import { copyExampleWorkspace, createRunFolder } from './support/runFolder';

const found = findNeovim();
const skipReason = 'skip' in found ? found.skip : undefined;
if (skipReason) console.log(`# SKIP neovim e2e: ${skipReason}`);

interface NeovimRun { exitCode: number | null; lines: string[]; stderr: string; ms: number }

/** Runs the Lua driver headless; it prints DIAG/ACTION/LINE/CLEARED/FAIL lines on stdout. */
function runNeovimDriver(nvim: string, runFolder: string, variables: Record<string, string>, timeoutMs: number): Promise<NeovimRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(E2E_DIR, 'nvim/applyQuickFix.lua')}`], {
      // Neovim's state and logs (lsp.log) go into the run folder, not the user's home.
      env: { ...process.env, HOME: runFolder, XDG_STATE_HOME: path.join(runFolder, 'state'), XDG_CACHE_HOME: path.join(runFolder, 'cache'), ...variables },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      fs.writeFileSync(path.join(runFolder, 'nvim-output.txt'), `${stdout}\n--- stderr ---\n${stderr}`);
      resolve({ exitCode, lines: stdout.split(/\r?\n/).filter(Boolean), stderr, ms: Date.now() - started });
    });
  });
}

test('Neovim gets persist-mismatch on app/models.py and the values_callable fix clears it', { skip: skipReason, timeout: 120_000 }, async () => {
  if (!('nvim' in found)) return;
  const server = path.resolve(REPO_ROOT, process.env.ENUMGUARD_E2E_SERVER ?? 'dist/server.js');
  assert.ok(fs.existsSync(server), `${server} is missing: run \`node esbuild.mjs\` first`);
  const runFolder = createRunFolder('neovim');
  const workspace = copyExampleWorkspace(runFolder);
  const modelFile = path.join(workspace, 'app/models.py');

  const run = await runNeovimDriver(found.nvim, runFolder, {
    ENUMGUARD_NVIM_FILE: modelFile,
    ENUMGUARD_NVIM_SERVER: server,
    ENUMGUARD_NVIM_ROOT: workspace,
    ENUMGUARD_NVIM_NODE: process.execPath,
    ENUMGUARD_NVIM_CODE: 'persist-mismatch',
    ENUMGUARD_NVIM_MESSAGE_CONTAINS: 'Enum(UserRole)',
    ENUMGUARD_NVIM_ACTION_PREFIX: 'Add values_callable',
    ENUMGUARD_NVIM_TIMEOUT_MS: '30000',
  }, 100_000);
  console.log(`# neovim e2e: ${run.ms} ms; output in ${runFolder}/nvim-output.txt`);
  const transcript = `${run.lines.join('\n')}\n${run.stderr}`;
  assert.equal(run.exitCode, 0, `nvim driver failed:\n${transcript}`);

  const roleDiagnostic = run.lines.find((line) => /^DIAG \d+ persist-mismatch .*Enum\(UserRole\)/.test(line)) ?? '';
  // The message names what the ORM persists and what the type holds.
  assert.match(roleDiagnostic, /'ADMIN',\s*'USER'/, transcript);
  assert.match(roleDiagnostic, /'admin',\s*'user'/, transcript);
  assert.ok(run.lines.some((line) => /^ACTION Add values_callable=lambda x: \[e\.value for e in x\]/.test(line)), transcript);
  const fixedLine = run.lines.find((line) => line.startsWith('LINE '));
  assert.match(fixedLine ?? '', /Enum\(UserRole, values_callable=lambda x: \[e\.value for e in x\]\)/);
  assert.ok(run.lines.includes('CLEARED'), transcript);
  // The buffer was edited in Neovim only; the copy on disk still holds the broken model.
  assert.match(fs.readFileSync(modelFile, 'utf8'), /mapped_column\(Enum\(UserRole\), /);
});
