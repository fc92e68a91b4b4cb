// Runs sqlalchemy_oracle.py under the real SQLAlchemy 2 install and returns its JSON answer, typed.
// ENUMGUARD_PYTHON and ENUMGUARD_SQLALCHEMY_SITE override the interpreter and the site-packages folder.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const python = process.env.ENUMGUARD_PYTHON ?? '/usr/bin/python3';
const sitePackages = process.env.ENUMGUARD_SQLALCHEMY_SITE ?? '/opt/sqlalchemy2/usr/lib/python3/dist-packages';
const oracleScript = path.join(__dirname, 'sqlalchemy_oracle.py');

export interface OracleColumn {
  module: string | null;
  file: string | null;
  table: string;
  tableSchema: string | null;
  column: string;
  /** "Class.attr" for mapped columns, "table.column" for Core tables. */
  attribute: string;
  typeClass: string;
  typeName: string | null;
  typeSchema: string | null;
  native: boolean;
  enums: string[];
  length: number | null;
  createConstraint: boolean;
  createType: boolean;
  isArray: boolean;
  enumClass: string | null;
  omitAliases: boolean;
  validateStrings: boolean;
  /** label -> whether the type's result processor maps it (false = LookupError: the row cannot load). */
  loads?: Record<string, boolean>;
  lookupErrors?: Record<string, string>;
}

export interface OracleImportError {
  module: string;
  file: string | null;
  errorType: string;
  message: string;
  /** "file:line" of the innermost frame inside the imported tree. */
  where: string | null;
}

export interface OracleResult {
  sqlalchemyVersion: string;
  python: string;
  modules: { module: string; file: string | null; ok: boolean }[];
  importErrors: OracleImportError[];
  columns: OracleColumn[];
}

function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONPATH: sitePackages, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' };
}

export type OracleAvailability =
  | { ok: true; sqlalchemyVersion: string; pythonVersion: string }
  | { ok: false; reason: string };

/** Whether the interpreter and SQLAlchemy 2.x are there; the reason names what is missing and how to get it. */
export function oracleAvailability(): OracleAvailability {
  const install = 'install it with `bash ../shared/tools/real-sqlalchemy.sh` (CI does)';
  if (!fs.existsSync(python)) return { ok: false, reason: `${python} not found; ${install}` };
  const probe = spawnSync(python, ['-c', 'import platform, sqlalchemy; print(sqlalchemy.__version__, platform.python_version())'], {
    env: pythonEnv(), encoding: 'utf8', timeout: 30_000,
  });
  if (probe.status !== 0) return { ok: false, reason: `SQLAlchemy not importable from ${sitePackages}; ${install}` };
  const [sqlalchemyVersion = '', pythonVersion = ''] = probe.stdout.trim().split(/\s+/);
  if (!sqlalchemyVersion.startsWith('2.')) {
    return { ok: false, reason: `SQLAlchemy ${sqlalchemyVersion} found, the oracle needs 2.x; ${install}` };
  }
  return { ok: true, sqlalchemyVersion, pythonVersion };
}

/**
 * Imports `modules` (files relative to `root`) in one Python process and describes every Enum column.
 * `labels` maps a type name ("userrole", "audit.level", or "*" for every column) to stored labels to try loading.
 */
export function runOracle(root: string, modules: string[], labels: Record<string, string[]> = {}): OracleResult {
  const args = [oracleScript, '--root', root, '--labels-json', JSON.stringify(labels), ...modules];
  const run = spawnSync(python, args, { env: pythonEnv(), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`sqlalchemy_oracle.py exited with ${run.status ?? run.signal}: ${run.stderr.slice(-2000)}`);
  }
  return JSON.parse(run.stdout) as OracleResult;
}
