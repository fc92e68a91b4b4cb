// Python parsing with tree-sitter (WASM). Parsing never throws: a tree always comes back, and syntax
// errors are reported as ParseProblems so half-typed code still yields facts.
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import type { ParseProblem, SourceLocation, SourceRange } from '../model/types';
import { locateWasm } from './wasmAssets';

let parser: Parser | undefined;

/** Loads the WASM runtime and the Python grammar once per process. */
export async function initPythonParser(): Promise<void> {
  if (parser) return;
  const runtime = locateWasm('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(locateWasm('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'));
  parser = new Parser();
  parser.setLanguage(language);
}

export interface PythonParse {
  tree: Tree;
  text: string;
  problems: ParseProblem[];
}

const maxReportedSyntaxErrors = 3;

export function parsePython(file: string, text: string, previous?: Tree): PythonParse {
  if (!parser) throw new Error('initPythonParser() must be awaited before parsing');
  const tree = parser.parse(text, previous) as Tree;
  const problems: ParseProblem[] = [];
  if (tree.rootNode.hasError) collectSyntaxErrors(tree.rootNode, file, problems);
  return { tree, text, problems };
}

function collectSyntaxErrors(node: Node, file: string, problems: ParseProblem[]): void {
  if (problems.length >= maxReportedSyntaxErrors) return;
  if (node.isError || node.isMissing) {
    const what = node.isMissing ? `missing ${node.type}` : 'invalid syntax';
    problems.push({ file, range: rangeOf(node), message: `Python ${what}; EnumGuard reads what it can around it`, severity: 'warning' });
    return;
  }
  if (!node.hasError) return;
  for (const child of node.children) if (child) collectSyntaxErrors(child, file, problems);
}

/** tree-sitter rows/columns for a JS string input are UTF-16 based, matching LSP. */
export function rangeOf(node: Node): SourceRange {
  return {
    line: node.startPosition.row,
    column: node.startPosition.column,
    endLine: node.endPosition.row,
    endColumn: node.endPosition.column,
  };
}

export function locationOf(file: string, node: Node): SourceLocation {
  return { file, range: rangeOf(node) };
}

/** Range from the start of `from` to the end of `to`. */
export function spanOf(file: string, from: Node, to: Node): SourceLocation {
  return {
    file,
    range: { line: from.startPosition.row, column: from.startPosition.column, endLine: to.endPosition.row, endColumn: to.endPosition.column },
  };
}

/** The value of a plain Python string literal (no f-string interpolation), or undefined. */
export function stringLiteralValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    const parts = node.namedChildren.map((c) => stringLiteralValue(c));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  const prefix = node.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '';
  const raw = /[rR]/.test(prefix);
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') value += raw ? child.text : contentWithEscapes(child);
    else if (child.type === 'escape_sequence') value += raw ? child.text : unescapePython(child.text);
    else if (child.type === 'interpolation') return undefined;
  }
  return value;
}

/** tree-sitter-python nests escape_sequence nodes inside string_content: replace each by what it stands for. */
function contentWithEscapes(content: Node): string {
  let text = '';
  let at = content.startIndex;
  for (const child of content.namedChildren) {
    if (child?.type !== 'escape_sequence') continue;
    text += content.text.slice(at - content.startIndex, child.startIndex - content.startIndex) + unescapePython(child.text);
    at = child.endIndex;
  }
  return text + content.text.slice(at - content.startIndex);
}

function unescapePython(seq: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\0': '\0' };
  if (seq in simple) return simple[seq];
  if (/^\\x[0-9a-fA-F]{2}$/.test(seq) || /^\\u[0-9a-fA-F]{4}$/.test(seq) || /^\\U[0-9a-fA-F]{8}$/.test(seq)) {
    return String.fromCodePoint(parseInt(seq.slice(2), 16));
  }
  return seq;
}
