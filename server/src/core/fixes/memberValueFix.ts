// Edits that change enum member values in the Python class so they equal the database labels.
import type { PyEnumClass, TextEdit } from '../model/types';

/** One edit per member whose value must change; undefined when a member's value cannot be located. */
export function memberValueEdits(cls: PyEnumClass, newValues: Map<string, string>): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const [memberName, value] of newValues) {
    const member = cls.members.find((m) => m.name === memberName);
    if (!member?.valueLocation) return undefined;
    edits.push({ file: member.valueLocation.file, range: member.valueLocation.range, newText: pythonString(value) });
  }
  return edits;
}

export function pythonString(value: string): string {
  return JSON.stringify(value); // a JSON string literal is a valid Python string literal for printable text
}
