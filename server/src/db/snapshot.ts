// The database truth for the CLI and the language server: `file:schema.sql` loads the file into the embedded
// PostgreSQL, anything else is a live server URL. Throws only DatabaseError.
import * as path from 'node:path';
import type { DatabaseSnapshot } from '../core/model/types';
import { openEmbeddedDatabase } from './embeddedDatabase';
import { DatabaseError, toDatabaseError } from './errors';
import { introspect, type ColumnOfInterest } from './introspect';
import { openLiveDatabase } from './liveDatabase';

export interface SnapshotOptions {
  /** Project root: `file:` paths are relative to it. */
  root: string;
  schemas: string[];
  columnsOfInterest?: ColumnOfInterest[];
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  rowCountCap?: number;
  /** Cache folder for the embedded database (default: $ENUMGUARD_CACHE_DIR, $XDG_CACHE_HOME/enumguard, ~/.cache/enumguard). */
  cacheDir?: string;
}

export async function loadDatabaseSnapshot(spec: string, options: SnapshotOptions): Promise<DatabaseSnapshot> {
  const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
  const common = { schemas: options.schemas, columnsOfInterest: options.columnsOfInterest, rowCountCap: options.rowCountCap, statementTimeoutMs };
  try {
    if (spec.startsWith('file:')) {
      const relative = spec.slice('file:'.length);
      if (!relative) throw new DatabaseError('schema-file', 'file: needs a path to a schema file, e.g. file:schema.sql');
      const file = path.resolve(options.root, relative);
      const embedded = await openEmbeddedDatabase(file, { displayName: relative, cacheDir: options.cacheDir });
      try {
        const snapshot = await introspect(embedded.db, { ...common, source: 'embedded', description: embedded.description });
        const notes = [...embedded.notes, ...(snapshot.notes ?? [])];
        return notes.length > 0 ? { ...snapshot, notes } : snapshot;
      } finally {
        await embedded.close().catch(() => undefined);
      }
    }
    const live = await openLiveDatabase(spec, { connectTimeoutMs: options.connectTimeoutMs ?? 5000, statementTimeoutMs });
    try {
      return await introspect(live.db, { ...common, source: 'live', description: live.description, target: live.target });
    } finally {
      await live.close();
    }
  } catch (error) {
    // Anything unexpected still leaves as a one-line DatabaseError without secrets.
    throw error instanceof DatabaseError ? error : toDatabaseError(error, spec.startsWith('file:') ? spec : 'the database');
  }
}
