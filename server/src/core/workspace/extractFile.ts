// Turns one file's text into FileFacts. Cheap text pre-filters keep files that cannot matter out of the parser;
// binary and oversized files yield a located problem instead of facts. Never throws.
import * as path from 'node:path';
import type { FileFacts, ParseProblem } from '../model/types';
import { parsePython } from '../parse/python';
import { extractImports } from '../extract/pyImports';
import { extractPyEnums } from '../extract/pyEnums';
import { extractSqlAlchemy } from '../extract/sqlalchemy';
import { extractAlembicRevision } from '../extract/alembic';
import { extractSqlEnumOps } from '../extract/sqlEnumOps';
import { readScriptLocation } from '../extract/alembicIni';
import { moduleNameFor } from '../extract/moduleName';
import { recoverSyntax } from '../extract/recoverSyntax';

export const maxFileBytes = 5 * 1024 * 1024;

export type FileKind = 'python' | 'sql' | 'alembic-ini';

export function fileKindOf(file: string): FileKind | undefined {
  if (file.endsWith('.py') || file.endsWith('.pyi')) return 'python';
  if (file.endsWith('.sql')) return 'sql';
  if (path.posix.basename(file) === 'alembic.ini') return 'alembic-ini';
  return undefined;
}

export function emptyFacts(file: string): FileFacts {
  return { file, enums: [], bindings: [], typeAnnotationMaps: [], imports: [], problems: [] };
}

const topOfFile = { line: 0, column: 0, endLine: 0, endColumn: 0 };

/** A problem that concerns the whole file (binary, too large, unreadable). */
export function fileProblem(file: string, message: string, severity: ParseProblem['severity'] = 'info'): ParseProblem {
  return { file, range: topOfFile, message, severity };
}

// Only Python files naming an enum, a revision or a declarative type map can hold facts ("Enum\b" also matches
// StrEnum, IntEnum, SAEnum; "\benum\b" the module, not "enumerate" or "enums").
const pythonPrefilter = /Enum\b|ENUM\b|\benum\b|down_revision|type_annotation_map/;
const mappedAnnotation = /Mapped\[([^\]\n]*)\]/g;

export interface ExtractOptions {
  /** Parse even when the pre-filter says the file cannot matter (its Mapped[...] names an enum class). */
  force?: boolean;
}

export function extractFile(file: string, text: string, options: ExtractOptions = {}): FileFacts {
  const facts = emptyFacts(file);
  const kind = fileKindOf(file);
  try {
    if (kind === 'python') extractPythonFacts(facts, text, options);
    else if (kind === 'sql') extractSqlFacts(facts, text);
    else if (kind === 'alembic-ini') facts.alembicScriptLocation = scriptLocationFrom(file, text);
  } catch (error) {
    // Extractors are written not to throw; this is the last line of defence for the rest of the workspace.
    facts.problems.push(fileProblem(file, `EnumGuard could not read this file: ${(error as Error).message}`, 'warning'));
  }
  return facts;
}

function extractPythonFacts(facts: FileFacts, text: string, options: ExtractOptions): void {
  const { file } = facts;
  facts.module = moduleNameFor(file);
  if (!options.force && !pythonPrefilter.test(text)) {
    const names = mappedNames(text);
    if (names.length > 0) facts.deferredMappedNames = names;
    return;
  }
  const original = parsePython(file, text);
  // Half-typed code (an unclosed bracket) would swallow the rest of the file: extract from a repaired parse.
  const parse = recoverSyntax(file, original);
  try {
    facts.problems.push(...original.problems);
    facts.imports = extractImports(file, parse);
    facts.enums = extractPyEnums(file, facts.module, parse, facts.imports);
    const enumNames = new Set(facts.enums.map((e) => e.name));
    for (const imported of facts.imports) if (imported.name) enumNames.add(imported.localName);
    const orm = extractSqlAlchemy(file, parse, facts.imports, enumNames);
    facts.bindings = orm.bindings;
    facts.typeAnnotationMaps = orm.typeAnnotationMaps;
    facts.problems.push(...orm.problems);
    if (text.includes('down_revision')) facts.revision = extractAlembicRevision(file, parse, facts.imports);
  } finally {
    if (parse.tree !== original.tree) parse.tree.delete();
    original.tree.delete();
  }
}

/** Identifiers inside Mapped[...] annotations: "Mapped[Optional[Role]]" -> Optional, Role. */
function mappedNames(text: string): string[] {
  if (!text.includes('Mapped[')) return [];
  const names = new Set<string>();
  for (const match of text.matchAll(mappedAnnotation)) {
    for (const word of match[1].split(/[^\w.]+/)) if (word) names.add(word.split('.').pop()!);
  }
  return [...names];
}

function extractSqlFacts(facts: FileFacts, text: string): void {
  const { ops, problems } = extractSqlEnumOps(facts.file, text);
  facts.sqlOps = ops;
  facts.problems.push(...problems);
}

function scriptLocationFrom(file: string, text: string): string | undefined {
  const location = readScriptLocation(text);
  if (!location || location.includes(':')) return undefined; // "package:folder" locations are not paths
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), location));
}
