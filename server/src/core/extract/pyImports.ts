// Import statements of one Python file as PyImport facts (relative imports resolved to absolute modules),
// and an ImportScope that turns a dotted name used in the file ("sa.Enum") into what it refers to ("sqlalchemy.Enum").
import type { Node } from 'web-tree-sitter';
import type { PythonParse } from '../parse/python';
import type { PyImport } from '../model/types';
import { isPackageInit, moduleNameFor } from './moduleName';
import { dottedName, moduleStatements } from './pySyntax';

/**
 * Every import in the file, in source order. `import a.b` binds `a` (module "a"); `from x import *` yields
 * localName "*" with name "*". `from . import enums` yields { localName: "enums", module: <package>, name: "enums" }:
 * the name may be a submodule or an attribute of the package, the resolver tries both.
 */
export function extractImports(file: string, parse: PythonParse): PyImport[] {
  const imports: PyImport[] = [];
  const context = { module: moduleNameFor(file), isPackage: isPackageInit(file) };
  // Imports inside try/except fallbacks, `if TYPE_CHECKING:` and with blocks still bind names for the module.
  for (const { node, type } of moduleStatements(parse.tree.rootNode)) {
    if (type === 'import_statement') readImport(node, imports);
    else if (type === 'import_from_statement') readFromImport(node, context, imports);
  }
  return imports;
}

interface ImportContext {
  module: string;
  isPackage: boolean;
}

function readImport(statement: Node, imports: PyImport[]): void {
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'aliased_import') {
      const module = dottedNameText(name.childForFieldName('name'));
      const alias = name.childForFieldName('alias');
      if (module && alias) imports.push({ localName: alias.text, module });
    } else {
      const module = dottedNameText(name);
      // `import a.b.c` binds only `a`; `a.b.c.X` is then resolved through attribute access.
      if (module) imports.push({ localName: module.split('.')[0], module: module.split('.')[0] });
    }
  }
}

function readFromImport(statement: Node, context: ImportContext, imports: PyImport[]): void {
  const moduleNode = statement.childForFieldName('module_name');
  if (!moduleNode) return;
  const module = moduleNode.type === 'relative_import' ? resolveRelative(moduleNode, context) : dottedNameText(moduleNode);
  if (module === undefined) return;
  if (statement.namedChildren.some((c) => c?.type === 'wildcard_import')) {
    imports.push({ localName: '*', module, name: '*' });
    return;
  }
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'aliased_import') {
      const imported = dottedNameText(name.childForFieldName('name'));
      const alias = name.childForFieldName('alias');
      if (imported && alias) imports.push({ localName: alias.text, module, name: imported });
    } else {
      const imported = dottedNameText(name);
      if (imported) imports.push({ localName: imported, module, name: imported });
    }
  }
}

/** `from ..enums import X` inside app/models/user.py -> "app.enums". An `__init__.py` is its own package. */
function resolveRelative(node: Node, context: ImportContext): string | undefined {
  const prefix = node.namedChildren.find((c) => c?.type === 'import_prefix');
  const level = prefix ? prefix.text.replace(/\s/g, '').length : 0;
  const rest = dottedNameText(node.namedChildren.find((c) => c?.type === 'dotted_name'));
  const packageParts = context.module === '' ? [] : context.module.split('.');
  if (!context.isPackage) packageParts.pop();
  // Beyond the top of the workspace: keep what is left rather than failing (the root may be a sub-folder).
  const base = packageParts.slice(0, Math.max(0, packageParts.length - (level - 1)));
  if (rest) base.push(rest);
  return base.join('.');
}

function dottedNameText(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'dotted_name') return undefined;
  const parts = node.namedChildren.filter((c) => c?.type === 'identifier').map((c) => c!.text);
  return parts.length > 0 ? parts.join('.') : undefined;
}

/** Resolves names used in a file through its imports. The last import of a name wins, as at run time. */
export class ImportScope {
  private readonly bound = new Map<string, PyImport>();
  readonly wildcardModules: string[] = [];

  constructor(imports: PyImport[]) {
    for (const entry of imports) {
      if (entry.name === '*') this.wildcardModules.push(entry.module);
      else this.bound.set(entry.localName, entry);
    }
  }

  /** The import that binds the first segment of `dotted`, if any. */
  importOf(dotted: string): PyImport | undefined {
    return this.bound.get(dotted.split('.')[0]);
  }

  /**
   * "sa.Enum" -> "sqlalchemy.Enum" (import sqlalchemy as sa); "SAEnum" -> "sqlalchemy.Enum"
   * (from sqlalchemy import Enum as SAEnum). Undefined when the first segment is not imported.
   */
  resolve(dotted: string): string | undefined {
    const [head, ...rest] = dotted.split('.');
    const entry = this.bound.get(head);
    if (!entry) return undefined;
    const base = entry.name === undefined ? entry.module : `${entry.module}${entry.module ? '.' : ''}${entry.name}`;
    return [base, ...rest].join('.');
  }

  /** `resolve` applied to an identifier/attribute node. */
  resolveNode(node: Node | null | undefined): string | undefined {
    const dotted = dottedName(node);
    return dotted === undefined ? undefined : this.resolve(dotted);
  }

  /** True when `name` is not bound by an import (so a same-named builtin/local or a wildcard import may supply it). */
  isUnbound(name: string): boolean {
    return !this.bound.has(name.split('.')[0]);
  }
}
