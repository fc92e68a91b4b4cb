// Finds the enum type under the cursor: an ORM column declaration, an Enum(...) call, an enum class name, the
// migration op that creates the type, or (in SQL and migrations) a bare type name. Used by hover, definition.
import type { Analysis, EnumTypeModel, OrmUse } from '../core/model/analysis';
import type { SourceLocation } from '../core/model/types';

export type TypeSite =
  | { kind: 'column'; type: EnumTypeModel; use: OrmUse; location: SourceLocation }
  | { kind: 'class'; type: EnumTypeModel; location: SourceLocation }
  | { kind: 'create'; type: EnumTypeModel; location: SourceLocation }
  | { kind: 'name'; type: EnumTypeModel; location: SourceLocation };

export interface Position {
  line: number;
  character: number;
}

export function locationContains(location: SourceLocation, file: string, position: Position): boolean {
  if (location.file !== file) return false;
  const { line, column, endLine, endColumn } = location.range;
  if (position.line < line || position.line > endLine) return false;
  if (position.line === line && position.character < column) return false;
  if (position.line === endLine && position.character > endColumn) return false;
  return true;
}

/** The identifier (letters, digits, _, .) around `character` in `lineText`, with its span. */
export function wordAt(lineText: string, character: number): { word: string; start: number; end: number } | undefined {
  const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_.]/.test(c);
  let start = character;
  let end = character;
  while (start > 0 && isWordChar(lineText[start - 1])) start--;
  while (end < lineText.length && isWordChar(lineText[end])) end++;
  if (start === end) return undefined;
  return { word: lineText.slice(start, end), start, end };
}

function typeMatchesWord(type: EnumTypeModel, word: string): boolean {
  const bare = word.replace(/"/g, '');
  return bare === type.key || bare === `${type.type.schema}.${type.type.name}` || bare === type.type.name;
}

/** The narrowest site under `position` in `file`; `lineText` is the text of that line (for bare type names). */
export function typeAtPosition(analysis: Analysis, file: string, position: Position, lineText?: string): TypeSite | undefined {
  const sites: TypeSite[] = [];
  for (const type of analysis.types) {
    for (const use of type.orm) {
      if (use.binding.enumCall && locationContains(use.binding.enumCall, file, position)) {
        sites.push({ kind: 'column', type, use, location: use.binding.enumCall });
      } else if (locationContains(use.binding.location, file, position)) {
        sites.push({ kind: 'column', type, use, location: use.binding.location });
      }
      if (use.enumClass && locationContains(use.enumClass.location, file, position)) {
        sites.push({ kind: 'class', type, location: use.enumClass.location });
      }
    }
    const created = type.migrations?.createdAt;
    if (created && locationContains(created, file, position)) sites.push({ kind: 'create', type, location: created });
  }
  if (sites.length > 0) {
    // The smallest range wins: an Enum(...) call inside a column declaration inside nothing else.
    const size = (s: TypeSite): number => (s.location.range.endLine - s.location.range.line) * 100000 + (s.location.range.endColumn - s.location.range.column);
    return sites.sort((a, b) => size(a) - size(b))[0];
  }
  // A bare word is only taken as a type name where SQL is written: .sql files and Alembic revisions.
  const speaksSql = file.endsWith('.sql') || analysis.alembic.revisions.some((revision) => revision.file === file);
  if (lineText !== undefined && speaksSql) {
    const word = wordAt(lineText, position.character);
    if (!word) return undefined;
    const type = analysis.types.find((candidate) => typeMatchesWord(candidate, word.word));
    if (type) {
      return {
        kind: 'name', type,
        location: { file, range: { line: position.line, column: word.start, endLine: position.line, endColumn: word.end } },
      };
    }
  }
  return undefined;
}
