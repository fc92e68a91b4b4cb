// Reads the value of a Python string literal that holds SQL (op.execute("...")) together with a map from each
// character of the value back to the file, so SQL positions land on the exact source character even through
// escape sequences, line continuations and implicitly concatenated literals.
import type { Node } from 'web-tree-sitter';
import type { SourceRange } from '../model/types';
import type { SqlRangeMapper } from './sqlEnumOps';
import { positionAt } from '../parse/lineIndex';

export type PythonSqlString =
  | { kind: 'ok'; value: string; toRange: SqlRangeMapper }
  | { kind: 'f-string' }
  | { kind: 'not-a-string' };

/** `lineStarts` are the UTF-16 offsets where each line of the Python file starts (see lineStartsOf). */
export function readPythonSqlString(node: Node, lineStarts: number[]): PythonSqlString {
  const pieces = node.type === 'concatenated_string' ? node.namedChildren.filter((c): c is Node => !!c) : [node];
  if (pieces.length === 0 || pieces.some((p) => p.type !== 'string')) return { kind: 'not-a-string' };
  let value = '';
  const starts: number[] = []; // file offset where the source of value[i] starts
  const ends: number[] = []; // file offset just after the source of value[i]
  for (const piece of pieces) {
    const prefix = (piece.firstChild?.text ?? '').replace(/['"]+$/, '').toLowerCase();
    if (prefix.includes('b')) return { kind: 'not-a-string' };
    const raw = prefix.includes('r');
    for (const child of piece.namedChildren) {
      if (!child) continue;
      if (child.type === 'interpolation') return { kind: 'f-string' };
      if (child.type !== 'string_content') continue;
      appendContent(child, raw, (text, start, end) => {
        for (let k = 0; k < text.length; k++) {
          value += text[k];
          // Plain characters map one to one; every character an escape produces maps to the whole escape.
          const exact = end - start === text.length;
          starts.push(exact ? start + k : start);
          ends.push(exact ? start + k + 1 : end);
        }
      });
    }
  }
  const fallback = pieces[0].startIndex;
  const toRange: SqlRangeMapper = (start, end) => {
    const from = start < starts.length ? starts[start] : ends.length > 0 ? ends[ends.length - 1] : fallback;
    const to = end > start && end - 1 < ends.length ? ends[end - 1] : from;
    return rangeBetween(lineStarts, from, to);
  };
  return { kind: 'ok', value, toRange };
}

/** Calls `emit` with runs of decoded text and the file span they came from. */
function appendContent(content: Node, raw: boolean, emit: (text: string, start: number, end: number) => void): void {
  let cursor = content.startIndex;
  const text = content.text;
  const base = content.startIndex;
  for (const escape of content.namedChildren) {
    if (!escape || raw) continue;
    if (escape.type !== 'escape_sequence' && escape.type !== 'escape_interpolation') continue;
    if (escape.startIndex > cursor) emit(text.slice(cursor - base, escape.startIndex - base), cursor, escape.startIndex);
    const decoded = escape.type === 'escape_interpolation' ? escape.text.slice(1) : unescapePython(escape.text);
    if (decoded.length > 0) emit(decoded, escape.startIndex, escape.endIndex);
    cursor = escape.endIndex;
  }
  if (content.endIndex > cursor) emit(text.slice(cursor - base), cursor, content.endIndex);
}

function unescapePython(sequence: string): string {
  const simple: Record<string, string> = {
    '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\a': '\x07', '\\b': '\b',
    '\\f': '\f', '\\v': '\v', '\\\n': '', '\\\r\n': '',
  };
  if (sequence in simple) return simple[sequence];
  if (/^\\x[0-9a-fA-F]{2}$|^\\u[0-9a-fA-F]{4}$|^\\U[0-9a-fA-F]{8}$/.test(sequence)) return String.fromCodePoint(parseInt(sequence.slice(2), 16));
  if (/^\\[0-7]{1,3}$/.test(sequence)) return String.fromCodePoint(parseInt(sequence.slice(1), 8));
  return sequence; // \N{...} and unknown escapes stay as written (Python keeps unknown escapes too)
}


function rangeBetween(lineStarts: number[], from: number, to: number): SourceRange {
  const start = positionAt(lineStarts, from);
  const end = positionAt(lineStarts, to);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
