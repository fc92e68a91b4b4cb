// enumguard.config.json: one file read identically by the CLI and the language server, so the editor and
// CI can never disagree. It names the environment variable holding the database URL, never the URL.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleId, Severity } from '../model/types';

export const configFileName = 'enumguard.config.json';

export type RuleSetting = Severity | 'off';

export interface EnumGuardConfig {
  /** Globs (relative to the root) of files to read; empty means everything not excluded. */
  include: string[];
  exclude: string[];
  /** Database schemas to compare; types in other schemas are ignored. */
  schemas: string[];
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Name of the environment variable that holds the database URL (e.g. "DATABASE_URL"). */
  databaseUrlEnv?: string;
}

export const defaultExclude = [
  '**/node_modules/**', '**/.git/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**',
  '**/site-packages/**', '**/dist/**', '**/build/**', '**/.tox/**', '**/.mypy_cache/**',
];

export function defaultConfig(): EnumGuardConfig {
  return { include: [], exclude: [...defaultExclude], schemas: ['public'], rules: {} };
}

export class ConfigError extends Error {}

/** Reads `file`, or `root/enumguard.config.json` when present; defaults otherwise. Throws ConfigError with a located message. */
export function loadConfig(root: string, file?: string): { config: EnumGuardConfig; file?: string } {
  const candidate = file ? path.resolve(file) : path.join(root, configFileName);
  if (!fs.existsSync(candidate)) {
    if (file) throw new ConfigError(`${file}: config file not found`);
    return { config: defaultConfig() };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(candidate, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${candidate}: not valid JSON (${(error as Error).message})`);
  }
  return { config: parseConfig(raw, candidate), file: candidate };
}

const ruleIds: readonly RuleId[] = [
  'persist-mismatch', 'unloadable-rows', 'bad-values-callable', 'type-name-mismatch',
  'missing-type', 'migration-drift', 'alembic-version-behind',
];

export function parseConfig(raw: unknown, where: string): EnumGuardConfig {
  const config = defaultConfig();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where}: expected a JSON object`);
  const obj = raw as Record<string, unknown>;
  const known = new Set(['$schema', 'include', 'exclude', 'schemas', 'rules', 'databaseUrlEnv']);
  for (const key of Object.keys(obj)) if (!known.has(key)) throw new ConfigError(`${where}: unknown key "${key}"`);
  const stringList = (key: string): string[] | undefined => {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ConfigError(`${where}: "${key}" must be an array of strings`);
    return value as string[];
  };
  config.include = stringList('include') ?? config.include;
  config.exclude = [...defaultExclude, ...(stringList('exclude') ?? [])];
  config.schemas = stringList('schemas') ?? config.schemas;
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null) throw new ConfigError(`${where}: "rules" must be an object`);
    for (const [id, setting] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!ruleIds.includes(id as RuleId)) throw new ConfigError(`${where}: unknown rule "${id}" (known: ${ruleIds.join(', ')})`);
      if (!['error', 'warning', 'info', 'off'].includes(setting as string)) {
        throw new ConfigError(`${where}: rule "${id}" must be "error", "warning", "info" or "off"`);
      }
      config.rules[id as RuleId] = setting as RuleSetting;
    }
  }
  if (obj.databaseUrlEnv !== undefined) {
    if (typeof obj.databaseUrlEnv !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(obj.databaseUrlEnv)) {
      throw new ConfigError(`${where}: "databaseUrlEnv" must be an environment variable name (the URL itself never goes in this file)`);
    }
    config.databaseUrlEnv = obj.databaseUrlEnv;
  }
  return config;
}
