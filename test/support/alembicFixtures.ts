// Test helpers for the migration tests: read a fixture folder of Alembic revisions with the real parsers, and
// read back the source text a SourceRange points at.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractAlembicRevision } from '../../server/src/core/extract/alembic';
import { extractImports } from '../../server/src/core/extract/pyImports';
import type { AlembicRevision, SourceRange } from '../../server/src/core/model/types';
import { initPythonParser, parsePython } from '../../server/src/core/parse/python';
import { initSqlParser } from '../../server/src/core/parse/sql';

export async function initParsers(): Promise<void> {
  await Promise.all([initPythonParser(), initSqlParser()]);
}

/** Every revision in `versionsDir` (sorted by file name), as the engine would extract it. */
export function loadRevisions(versionsDir: string): AlembicRevision[] {
  const revisions: AlembicRevision[] = [];
  for (const name of fs.readdirSync(versionsDir).filter((n) => n.endsWith('.py')).sort()) {
    const file = path.posix.join(versionsDir, name);
    const parse = parsePython(file, fs.readFileSync(file, 'utf8'));
    const revision = extractAlembicRevision(file, parse, extractImports(file, parse));
    parse.tree.delete();
    if (revision) revisions.push(revision);
  }
  return revisions;
}

/** The text a range covers (0-based lines, UTF-16 columns). */
export function textAt(text: string, range: SourceRange): string {
  const lines = text.split('\n');
  if (range.line === range.endLine) return lines[range.line].slice(range.column, range.endColumn);
  const parts = [lines[range.line].slice(range.column)];
  for (let line = range.line + 1; line < range.endLine; line++) parts.push(lines[line]);
  parts.push(lines[range.endLine].slice(0, range.endColumn));
  return parts.join('\n');
}
