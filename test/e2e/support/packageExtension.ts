// Builds the bundles and packages the extension as a .vsix the way a release does, for installation in code-server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './e2eTools';

/**
 * Runs `node esbuild.mjs` and `vsce package --no-dependencies` into the run folder; returns the .vsix path.
 * ENUMGUARD_E2E_VSIX skips this and uses a ready-made package (CI that already packaged, or a stand-in).
 */
export function packageExtension(runFolder: string): string {
  const prebuilt = process.env.ENUMGUARD_E2E_VSIX;
  if (prebuilt) return path.resolve(prebuilt);
  const vsix = path.join(runFolder, 'enumguard.vsix');
  const log = path.join(runFolder, 'package.log');
  const run = (command: string, args: string[]) => {
    try {
      const output = execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      fs.appendFileSync(log, output);
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      fs.appendFileSync(log, `${failed.stdout ?? ''}${failed.stderr ?? ''}`);
      throw new Error(`${command} ${args.join(' ')} failed; see ${log}\n${(failed.stderr ?? failed.message).slice(-2000)}`);
    }
  };
  run(process.execPath, ['esbuild.mjs']);
  // vsce from the project's devDependencies (it warns about Node 20 but packages fine), with the flags of
  // `npm run package`: the repository URL is not GitHub's, so README links stay relative instead of rewritten.
  run(process.execPath, [path.join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
    '--no-rewrite-relative-links', '-o', vsix]);
  return vsix;
}
