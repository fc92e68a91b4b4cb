// Where the language server gets a folder's database URL, in order: the editor's SecretStorage (asked through
// enumguard/databaseUrl), ENUMGUARD_DATABASE_URL, then the variable named by the config's databaseUrlEnv.
// The URL stays in memory; anything derived from it for display passes through redactSecrets first.
import type { EnumGuardConfig } from '../core/config/config';

export interface DatabaseSpec {
  spec: string;
  /** Where it came from, safe to show: 'editor', 'ENUMGUARD_DATABASE_URL', 'DATABASE_URL'... */
  origin: string;
}

export async function resolveDatabaseSpec(askEditor: () => Promise<string | undefined>, config: EnumGuardConfig, env: NodeJS.ProcessEnv = process.env): Promise<DatabaseSpec | undefined> {
  let fromEditor: string | undefined;
  try {
    fromEditor = await askEditor();
  } catch {
    // A client that does not implement enumguard/databaseUrl (another editor) simply has no stored URL.
    fromEditor = undefined;
  }
  if (fromEditor && fromEditor.trim()) return { spec: fromEditor.trim(), origin: 'editor' };
  const fromEnv = env.ENUMGUARD_DATABASE_URL;
  if (fromEnv && fromEnv.trim()) return { spec: fromEnv.trim(), origin: 'ENUMGUARD_DATABASE_URL' };
  if (config.databaseUrlEnv) {
    const named = env[config.databaseUrlEnv];
    if (named && named.trim()) return { spec: named.trim(), origin: config.databaseUrlEnv };
  }
  return undefined;
}
