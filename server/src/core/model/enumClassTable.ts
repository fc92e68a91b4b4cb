// Resolves the enum class a binding names ("UserRole", "enums.UserRole", "e.Role") through the file's imports
// to a PyEnumClass anywhere in the workspace. Falls back to a unique class name when imports do not say.
import { moduleAliasesFor } from '../extract/moduleName';
import type { FileFacts, PyEnumClass } from './types';

export class EnumClassTable {
  private readonly byQualifiedName = new Map<string, PyEnumClass>();
  private readonly byName = new Map<string, PyEnumClass[]>();

  constructor(facts: FileFacts[]) {
    for (const file of facts) {
      if (file.enums.length === 0) continue;
      const aliases = moduleAliasesFor(file.file);
      for (const cls of file.enums) {
        for (const alias of aliases) this.byQualifiedName.set(`${alias}.${cls.name}`, cls);
        const sameName = this.byName.get(cls.name) ?? [];
        sameName.push(cls);
        this.byName.set(cls.name, sameName);
      }
    }
  }

  resolve(from: FileFacts, localName: string): PyEnumClass | undefined {
    const [head, ...rest] = localName.split('.');
    if (rest.length === 0) {
      const own = from.enums.find((cls) => cls.name === head);
      if (own) return own;
    }
    const imported = from.imports.find((imp) => imp.localName === head);
    if (imported) {
      const target = imported.name ? `${imported.module}.${imported.name}` : imported.module;
      const found = this.byQualifiedName.get([target, ...rest].join('.'));
      if (found) return found;
    }
    const candidates = this.byName.get(localName.split('.').pop()!);
    return candidates?.length === 1 ? candidates[0] : undefined;
  }
}
