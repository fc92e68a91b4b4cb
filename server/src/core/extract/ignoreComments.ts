// Reads `# enumguard: ignore[rule-a, rule-b]` comments on a declaration's lines (or a comment-only line just
// above it); a bare `# enumguard: ignore` silences every rule ('*').
import type { SourceRange } from '../model/types';

const ignoreComment = /#\s*enumguard:\s*ignore(?:\[([^\]]*)\])?/;

export class IgnoreComments {
  private lines: string[] | undefined;
  private readonly mentionsEnumGuard: boolean;

  constructor(private readonly text: string) {
    this.mentionsEnumGuard = text.includes('enumguard');
  }

  /** Rule ids silenced for a declaration spanning `range`, in the order written, without duplicates. */
  rulesFor(range: SourceRange): string[] {
    if (!this.mentionsEnumGuard) return [];
    this.lines ??= this.text.split('\n');
    const rules: string[] = [];
    const above = this.lines[range.line - 1];
    if (above !== undefined && /^\s*#/.test(above)) addRules(above, rules);
    for (let line = range.line; line <= range.endLine && line < this.lines.length; line++) addRules(this.lines[line], rules);
    return rules;
  }
}

function addRules(line: string, rules: string[]): void {
  const match = ignoreComment.exec(line);
  if (!match) return;
  const ids = match[1] === undefined ? ['*'] : match[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const id of ids) if (!rules.includes(id)) rules.push(id);
}
