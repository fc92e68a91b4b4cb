// A fresh folder per test run under test/e2e/runs (git-ignored), holding the workspace copy, editor state and logs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, RUNS_DIR } from './e2eTools';

export const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/broken-auth');

/** Runs kept per label: enough to compare a failure with the runs before it, without filling the disk. */
const KEPT_RUNS = 5;

/** Creates test/e2e/runs/<label>-<time>-<random>/ (pruning older runs of that label) and returns its path. */
export function createRunFolder(label: string): string {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  // Names start with the ISO time, so sorting by name sorts by age.
  const earlier = fs.readdirSync(RUNS_DIR).filter((name) => name.startsWith(`${label}-`)).sort();
  for (const old of earlier.slice(0, Math.max(0, earlier.length - (KEPT_RUNS - 1)))) {
    fs.rmSync(path.join(RUNS_DIR, old), { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return fs.mkdtempSync(path.join(RUNS_DIR, `${label}-${stamp}-`));
}

/**
 * Copies the example project into the run folder, so fixes applied by the editor never touch the repository.
 * ENUMGUARD_E2E_EXAMPLE points at another example (used to validate the harness on a stand-in).
 */
export function copyExampleWorkspace(runFolder: string): string {
  const source = process.env.ENUMGUARD_E2E_EXAMPLE ?? EXAMPLE_DIR;
  if (!fs.existsSync(source)) throw new Error(`example workspace ${source} does not exist`);
  const workspace = path.join(runFolder, 'broken-auth');
  fs.cpSync(source, workspace, {
    recursive: true,
    // Caches from earlier runs of the example would make the copy depend on history.
    filter: (file) => !/(__pycache__|\.enumguard-cache|node_modules)$/.test(file),
  });
  return workspace;
}
