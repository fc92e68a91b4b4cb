// Columns whose details the database introspection must fetch beyond enum-typed columns: the VARCHAR columns
// behind non-native enums (native_enum=False), which the catalog cannot tell apart from any other string.
import type { FileFacts } from './types';

export interface ColumnOfInterest {
  schema?: string;
  table: string;
  column: string;
}

export function columnsOfInterest(facts: FileFacts[]): ColumnOfInterest[] {
  const seen = new Set<string>();
  const columns: ColumnOfInterest[] = [];
  for (const file of facts) {
    for (const binding of file.bindings) {
      if (binding.nativeEnum || !binding.table || !binding.column) continue;
      const key = `${binding.schema ?? ''}.${binding.table}.${binding.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push({ schema: binding.schema, table: binding.table, column: binding.column });
    }
  }
  return columns;
}
