// enumguard/testConnection and enumguard/checkDatabase: connect on request, read-only, and answer with one
// safe line. The URL under test lives only in this call's memory.
import type { StatusParams, TestConnectionParams, TestConnectionResult } from '../protocol';
import { loadDatabaseSnapshot } from '../db/snapshot';
import { redactSecrets } from '../db/redact';
import type { SessionRegistry } from '../session/sessionRegistry';

export async function testConnection(sessions: SessionRegistry, params: TestConnectionParams): Promise<TestConnectionResult> {
  const session = (params.folderUri ? sessions.get(params.folderUri) : undefined) ?? sessions.all()[0];
  const url = typeof params.url === 'string' ? params.url.trim() : '';
  if (!url) return { ok: false, message: 'No database URL given.' };
  try {
    const snapshot = await loadDatabaseSnapshot(url, { root: session?.root ?? process.cwd(), schemas: session?.config.schemas ?? ['public'], columnsOfInterest: [] });
    const description = redactSecrets(snapshot.description, [url]);
    return {
      ok: true,
      description,
      enumTypes: snapshot.enumTypes.length,
      message: `Connected to ${description} (PostgreSQL ${snapshot.serverVersion}): ${snapshot.enumTypes.length} enum type(s).`,
    };
  } catch (error) {
    return { ok: false, message: redactSecrets(String((error as Error)?.message ?? error).split('\n')[0], [url]) };
  }
}

export async function checkDatabase(sessions: SessionRegistry, folderUri: string | undefined, status: () => StatusParams): Promise<StatusParams> {
  const targets = sessions.all().filter((session) => !folderUri || session.folderUri === folderUri);
  await Promise.all(targets.map((session) => session.reloadDatabase()));
  return status();
}
