// Loads the catalog queries kept as .sql files: from dist/queries/ beside the bundle, or from the source
// folder when the TypeScript runs directly (tests through tsx, where __dirname is server/src/db).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DatabaseError } from './errors';

export type QueryName =
  | 'serverVersion' | 'enumTypes' | 'enumColumns' | 'columnDetails' | 'tableEstimates'
  | 'alembicVersionTable' | 'alembicVersion';

const cache = new Map<QueryName, string>();

/** The text of queries/<name>.sql; read once per process. */
export function loadQuery(name: QueryName): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const candidates = [
    path.join(__dirname, 'queries', name + '.sql'),
    // A bundle in dist/ whose queries were not copied: the repository's sources are the fallback.
    path.join(__dirname, '..', 'server', 'src', 'db', 'queries', name + '.sql'),
  ];
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    cache.set(name, text);
    return text;
  }
  throw new DatabaseError('other', `EnumGuard is missing its query file ${name}.sql: reinstall or rebuild (npm run build)`);
}
