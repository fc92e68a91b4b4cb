// The `enumguard check` flow: load the config, index the workspace, read the database when one is named, analyse.
// Returns the analysis and the exit code; every failure the user can fix becomes a CliProblem (exit 2).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initEngine, checkWorkspace } from '../core/engine';
import { loadConfig, ConfigError } from '../core/config/config';
import type { Analysis } from '../core/model/analysis';
import { columnsOfInterest } from '../core/model/columnsOfInterest';
import { loadDatabaseSnapshot } from '../db/snapshot';
import { DatabaseError } from '../db/errors';
import type { CheckOptions } from './args';

/** A problem that stops the check before any report: bad PATH, bad config, database unreachable. Exit 2. */
export class CliProblem extends Error {}

export interface CheckRun {
  analysis: Analysis;
  /** Absolute project root; finding files are relative to it. */
  root: string;
  filesIndexed: number;
  elapsedMs: number;
  exitCode: 0 | 1;
}

export interface CheckEnvironment {
  /** Environment variables to read the database URL from (process.env in the CLI). */
  env: Record<string, string | undefined>;
}

/**
 * A `file:` path typed on the command line is relative to the current folder, like every other path there; the
 * database layer reads `file:` relative to the project root (as a config or environment value would be), so
 * the path is re-expressed relative to the root.
 */
function schemaFileFromCommandLine(spec: string, root: string): string {
  if (!spec.startsWith('file:')) return spec;
  const given = spec.slice('file:'.length);
  if (given === '' || path.isAbsolute(given)) return spec;
  return `file:${path.relative(root, path.resolve(given)).split(path.sep).join('/')}`;
}

/** Runs one check. Throws CliProblem for anything the user must fix first; never prints. */
export async function runCheck(options: CheckOptions, { env }: CheckEnvironment = { env: process.env }): Promise<CheckRun> {
  const started = performance.now();
  const root = path.resolve(options.path);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(root);
  } catch {
    throw new CliProblem(`${options.path}: no such folder`);
  }
  if (!stat.isDirectory()) throw new CliProblem(`${options.path}: not a folder (PATH is the project root to check)`);

  let config;
  try {
    ({ config } = loadConfig(root, options.config));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliProblem(error.message);
    throw error;
  }

  const spec = (options.db !== undefined ? schemaFileFromCommandLine(options.db, root) : undefined) ?? env.ENUMGUARD_DATABASE_URL ?? (config.databaseUrlEnv ? env[config.databaseUrlEnv] : undefined);
  // No database named is not an error: models and migrations are still compared, and the report says so.

  await initEngine();
  const { analysis, filesIndexed } = await checkWorkspace(root, {
    config,
    loadDatabase: spec
      ? async (facts) => {
          try {
            return await loadDatabaseSnapshot(spec, { root, schemas: config.schemas, columnsOfInterest: columnsOfInterest(facts) });
          } catch (error) {
            if (error instanceof DatabaseError) throw new CliProblem(error.message);
            throw error;
          }
        }
      : undefined,
  });
  const exitCode = analysis.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  return { analysis, root, filesIndexed, elapsedMs: performance.now() - started, exitCode };
}
