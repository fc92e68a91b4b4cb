// Remembers the last few migration replays: on an edit to a model file the revisions are the same objects, so
// the language server need not replay hundreds of revisions per keystroke. Replays that read an enum class
// (sa.Enum(SomeClass) inside a migration) depend on model files too and are never cached.
import type { AlembicRevision } from './types';
import { replayMigrations } from './migrationReplay';

type Replay = ReturnType<typeof replayMigrations>;
type ClassResolver = Parameters<typeof replayMigrations>[2];

interface Entry {
  revisions: AlembicRevision[];
  target: string;
  result: Replay;
}

const entries: Entry[] = [];
const capacity = 8;

export function cachedReplay(revisions: AlembicRevision[], target: 'heads' | string[], resolveClassLabels: ClassResolver): Replay {
  const readsClasses = revisions.some((r) => r.upgrade.some((op) => op.kind === 'create' && op.enumClass));
  if (readsClasses) return replayMigrations(revisions, target, resolveClassLabels);
  const key = target === 'heads' ? 'heads' : target.join(',');
  const hit = entries.find((e) => e.target === key && sameRevisions(e.revisions, revisions));
  if (hit) return hit.result;
  const result = replayMigrations(revisions, target, resolveClassLabels);
  entries.unshift({ revisions, target: key, result });
  entries.length = Math.min(entries.length, capacity);
  return result;
}

function sameRevisions(a: AlembicRevision[], b: AlembicRevision[]): boolean {
  return a.length === b.length && a.every((revision, i) => revision === b[i]);
}
