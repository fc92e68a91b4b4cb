// Recovers facts from half-typed Python. An unclosed bracket makes tree-sitter swallow the rest of the file into
// one ERROR node; closing the brackets of the broken line (or blanking it) and re-parsing gives back every
// statement after it. Edits only append at a line's end or overwrite with spaces, so positions stay valid.
import type { Node, Tree } from 'web-tree-sitter';
import { Edit } from 'web-tree-sitter';
import { parsePython, type PythonParse } from '../parse/python';

const maxRepairs = 8;

/**
 * A parse of a repaired copy of the text when the tree holds ERROR nodes, else `parse` itself. The caller owns
 * (and must delete) the returned tree when it differs from `parse.tree`. Problems stay those of the original text.
 */
export function recoverSyntax(file: string, parse: PythonParse): PythonParse {
  if (!firstErrorNode(parse.tree.rootNode)) return parse;
  let text = parse.text;
  let tree: Tree = parse.tree;
  const attempts = new Map<number, number>();
  for (let repair = 0; repair < maxRepairs; repair++) {
    const error = firstErrorNode(tree.rootNode);
    if (!error) break;
    const row = brokenRow(error, text);
    const attempt = attempts.get(row) ?? 0;
    if (attempt >= 2) break; // closing and blanking both failed on this line: keep what we have
    attempts.set(row, attempt + 1);
    const column = row === error.startPosition.row ? error.startPosition.column : 0;
    const edit = attempt === 0 ? closeBrackets(text, row) ?? blankFrom(text, row, column) : blankFrom(text, row, 0);
    if (!edit) break;
    const next = tree.copy();
    next.edit(edit.edit);
    const reparsed = parsePython(file, edit.text, next);
    next.delete();
    if (tree !== parse.tree) tree.delete();
    tree = reparsed.tree;
    text = edit.text;
  }
  return tree === parse.tree ? parse : { tree, text, problems: parse.problems };
}

/**
 * The line to repair. An error that opens a line inside a statement begun on an earlier line was caused by that
 * earlier line (`from x import A as` swallowing the next line's `import`): repair the line before it.
 */
function brokenRow(error: Node, text: string): number {
  const row = error.startPosition.row;
  let statement: Node = error;
  while (statement.parent && statement.parent.type !== 'module' && statement.parent.type !== 'block') statement = statement.parent;
  if (statement.startPosition.row >= row || row === 0) return row;
  const span = lineSpan(text, row);
  const indent = span ? text.slice(span.start, span.end).search(/\S/) : -1;
  return indent === error.startPosition.column ? row - 1 : row;
}

/** The first ERROR node in document order (MISSING nodes are already a usable recovery). */
function firstErrorNode(node: Node): Node | undefined {
  if (node.isError) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = firstErrorNode(child);
    if (found) return found;
  }
  return undefined;
}

interface TextEditResult {
  text: string;
  edit: Edit;
}

interface LineSpan {
  start: number;
  end: number;
}

function lineSpan(text: string, row: number): LineSpan | undefined {
  let start = 0;
  for (let line = 0; line < row; line++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return undefined;
    start = newline + 1;
  }
  const newline = text.indexOf('\n', start);
  let end = newline < 0 ? text.length : newline;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/** Appends the closers of brackets left open on the line; undefined when the line has none or a string is open. */
function closeBrackets(text: string, row: number): TextEditResult | undefined {
  const span = lineSpan(text, row);
  if (!span) return undefined;
  const line = text.slice(span.start, span.end);
  const open: string[] = [];
  const closerOf: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '#') {
      break;
    } else if (char === '"' || char === "'") {
      // Triple-quoted strings span lines: not something a line repair can judge.
      if (line.startsWith(char.repeat(3), i)) return undefined;
      quote = char;
    } else if (char in closerOf) {
      open.push(closerOf[char]);
    } else if (char === ')' || char === ']' || char === '}') {
      if (open.at(-1) === char) open.pop();
    }
  }
  // Closing an unterminated string would invent a value ("clo" for "closed"): blank such a line instead.
  if (quote || open.length === 0) return undefined;
  const commentAt = findComment(line);
  const insertAt = span.start + (commentAt ?? line.length);
  const suffix = open.reverse().join('');
  return { text: text.slice(0, insertAt) + suffix + text.slice(insertAt), edit: insertionEdit(row, insertAt - span.start, insertAt, suffix.length) };
}

function findComment(line: string): number | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return i;
  }
  return undefined;
}

/** Overwrites the line from `column` to its end with spaces (same length: no position moves). */
function blankFrom(text: string, row: number, column: number): TextEditResult | undefined {
  const span = lineSpan(text, row);
  if (!span) return undefined;
  const start = Math.min(span.start + column, span.end);
  if (start === span.end || text.slice(start, span.end).trim() === '') return undefined;
  const length = span.end - start;
  const edit = new Edit({
    startIndex: start, oldEndIndex: span.end, newEndIndex: span.end,
    startPosition: { row, column: start - span.start },
    oldEndPosition: { row, column: span.end - span.start },
    newEndPosition: { row, column: span.end - span.start },
  });
  return { text: text.slice(0, start) + ' '.repeat(length) + text.slice(span.end), edit };
}

function insertionEdit(row: number, column: number, index: number, length: number): Edit {
  return new Edit({
    startIndex: index, oldEndIndex: index, newEndIndex: index + length,
    startPosition: { row, column }, oldEndPosition: { row, column }, newEndPosition: { row, column: column + length },
  });
}
