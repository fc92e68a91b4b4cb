// One whole check of a folder: index it, then analyse against an optional database snapshot.
import type { EnumGuardConfig } from '../config/config';
import type { Analysis } from '../model/analysis';
import type { DatabaseSnapshot, FileFacts } from '../model/types';
import { analyze } from '../model/analyze';
import { WorkspaceIndex } from './workspaceIndex';

export interface CheckOptions {
  config: EnumGuardConfig;
  /** Called once the files are indexed, so the caller can fetch the snapshot the facts ask for. */
  loadDatabase?: (facts: FileFacts[]) => Promise<DatabaseSnapshot | undefined>;
}

export async function checkWorkspace(root: string, options: CheckOptions): Promise<{ analysis: Analysis; filesIndexed: number }> {
  const index = new WorkspaceIndex(root, options.config);
  await index.indexAll();
  const facts = index.facts();
  const database = options.loadDatabase ? await options.loadDatabase(facts) : undefined;
  return { analysis: analyze({ facts, database, config: options.config }), filesIndexed: facts.length };
}
