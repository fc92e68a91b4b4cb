// The `enumguard.*` editor settings and how they combine with enumguard.config.json: the file wins for every key
// it sets, so the editor and CI (which reads only the file) never disagree; settings fill in what it leaves out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFileName, defaultExclude, type EnumGuardConfig, parseConfig } from '../core/config/config';

export interface EditorSettings {
  include: string[];
  exclude: string[];
  schemas: string[];
  rules: Record<string, string>;
  /** 'type': re-check while typing (debounced); 'save': only on save and on disk changes. */
  checkOn: 'type' | 'save';
  debounceMs: number;
}

export const defaultEditorSettings: EditorSettings = {
  include: [], exclude: [], schemas: [], rules: {}, checkOn: 'type', debounceMs: 150,
};

/** Accepts whatever workspace/configuration returned and keeps only well-formed values. */
export function sanitizeSettings(raw: unknown): EditorSettings {
  const settings: EditorSettings = { ...defaultEditorSettings, rules: {} };
  if (typeof raw !== 'object' || raw === null) return settings;
  const obj = raw as Record<string, unknown>;
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) && value.every((v) => typeof v === 'string') ? value as string[] : undefined;
  settings.include = strings(obj.include) ?? [];
  settings.exclude = strings(obj.exclude) ?? [];
  settings.schemas = strings(obj.schemas) ?? [];
  if (typeof obj.rules === 'object' && obj.rules !== null) {
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) if (typeof value === 'string') settings.rules[id] = value;
  }
  if (obj.checkOn === 'save') settings.checkOn = 'save';
  if (typeof obj.debounceMs === 'number' && Number.isFinite(obj.debounceMs)) settings.debounceMs = Math.min(5000, Math.max(0, obj.debounceMs));
  return settings;
}

/** The keys enumguard.config.json sets explicitly (those are not overridden by settings). */
function keysSetByFile(configFile: string | undefined): Set<string> {
  if (!configFile) return new Set();
  try {
    const raw = JSON.parse(fs.readFileSync(configFile, 'utf8')) as unknown;
    return typeof raw === 'object' && raw !== null ? new Set(Object.keys(raw)) : new Set();
  } catch {
    return new Set();
  }
}

/**
 * `config` as loaded from the file (defaults where it says nothing) plus the settings for keys the file leaves
 * out. Settings go through the same validation as the file (parseConfig); a bad setting is dropped with a reason.
 */
export function mergeSettingsIntoConfig(root: string, config: EnumGuardConfig, configFile: string | undefined, settings: EditorSettings): { config: EnumGuardConfig; warnings: string[] } {
  const fromFile = keysSetByFile(configFile);
  const merged: EnumGuardConfig = { ...config, rules: { ...config.rules } };
  const warnings: string[] = [];
  const candidate: Record<string, unknown> = {};
  if (!fromFile.has('include') && settings.include.length > 0) candidate.include = settings.include;
  if (!fromFile.has('exclude') && settings.exclude.length > 0) candidate.exclude = settings.exclude;
  if (!fromFile.has('schemas') && settings.schemas.length > 0) candidate.schemas = settings.schemas;
  if (!fromFile.has('rules') && Object.keys(settings.rules).length > 0) candidate.rules = settings.rules;
  if (Object.keys(candidate).length === 0) return { config: merged, warnings };
  try {
    const parsed = parseConfig(candidate, `settings (enumguard.*) for ${path.basename(root)}`);
    if (candidate.include) merged.include = parsed.include;
    if (candidate.exclude) merged.exclude = [...defaultExclude, ...settings.exclude];
    if (candidate.schemas) merged.schemas = parsed.schemas;
    if (candidate.rules) merged.rules = parsed.rules;
  } catch (error) {
    warnings.push(`${(error as Error).message}; the enumguard.* settings are ignored`);
  }
  return { config: merged, warnings };
}

export { configFileName };
