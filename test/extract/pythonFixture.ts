// Test helper: parses a Python fixture from test/fixtures/python (or given text) and runs the Python extractors
// the way the workspace indexer does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { initPythonParser, parsePython, type PythonParse } from '../../server/src/core/parse/python';
import { extractImports } from '../../server/src/core/extract/pyImports';
import { extractPyEnums } from '../../server/src/core/extract/pyEnums';
import { extractSqlAlchemy, type SqlAlchemyFacts } from '../../server/src/core/extract/sqlalchemy';
import { moduleNameFor } from '../../server/src/core/extract/moduleName';
import type { PyEnumClass, PyImport, SourceRange } from '../../server/src/core/model/types';

export const fixturesDir = path.resolve(__dirname, '..', 'fixtures', 'python');

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}

export interface PythonFacts extends SqlAlchemyFacts {
  parse: PythonParse;
  imports: PyImport[];
  enums: PyEnumClass[];
}

/** Extracts everything from `text` as if it were the workspace file `file`. */
export async function extractPython(file: string, text: string, extraEnumNames: string[] = []): Promise<PythonFacts> {
  await initPythonParser();
  const parse = parsePython(file, text);
  const imports = extractImports(file, parse);
  const enums = extractPyEnums(file, moduleNameFor(file), parse, imports);
  const enumNames = new Set([...enums.map((e) => e.name), ...extraEnumNames]);
  return { parse, imports, enums, ...extractSqlAlchemy(file, parse, imports, enumNames) };
}

export function extractFixture(name: string, extraEnumNames: string[] = []): Promise<PythonFacts> {
  return extractPython(`fixtures/${name}`, readFixture(name), extraEnumNames);
}

/** 0-based range of the `occurrence`-th `needle` in `text` (single line). */
export function rangeOfText(text: string, needle: string, occurrence = 1): SourceRange {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`fixture text not found: ${needle}`);
  }
  const before = text.slice(0, index).split('\n');
  const line = before.length - 1;
  const column = before[line].length;
  return { line, column, endLine: line, endColumn: column + needle.length };
}
