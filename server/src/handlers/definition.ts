// textDocument/definition from Enum(UserRole), an enum column, an enum class or a type name in SQL to the
// migration op that creates the PostgreSQL type.
import type { Location } from 'vscode-languageserver';
import type { Analysis } from '../core/model/analysis';
import { toRange } from '../lsp/toProtocol';
import { type Position, typeAtPosition } from '../lsp/typeAtPosition';
import { relativeToUri } from '../lsp/uris';

export function definition(analysis: Analysis | undefined, root: string, file: string, position: Position, lineText?: string): Location[] {
  if (!analysis) return [];
  const site = typeAtPosition(analysis, file, position, lineText);
  const created = site?.type.migrations?.createdAt;
  if (!site || !created || site.kind === 'create') return [];
  return [{ uri: relativeToUri(root, created.file), range: toRange(created.range) }];
}
