// One-line descriptions and default levels of the rules, for reports that list rules up front (SARIF's
// tool.driver.rules), read from the rule registry; the rule files hold the full story.
import type { RuleId, Severity } from '../../core/model/types';
import { repositoryUrl } from '../version';
import { rules } from '../../core/rules';

export interface RuleDescriptor {
  id: RuleId;
  defaultSeverity: Severity;
  shortDescription: string;
}

export const ruleCatalog: readonly RuleDescriptor[] = rules.map((rule) => ({
  id: rule.id,
  defaultSeverity: rule.severity,
  shortDescription: `${rule.summary}.`,
}));

function webRepositoryUrl(): string | undefined {
  return repositoryUrl && /^https?:\/\//.test(repositoryUrl) ? repositoryUrl.replace(/\.git$/, '').replace(/\/?$/, '/') : undefined;
}

/** The project's home page, when the manifest names one (SARIF's informationUri must be absolute). */
export function toolInformationUri(): string | undefined {
  return webRepositoryUrl();
}

/** Link to a rule's section in docs/rules.md: absolute when the manifest names a repository, else relative. */
export function ruleHelpUri(ruleId: string): string {
  const relative = `docs/rules.md#${ruleId}`;
  const base = webRepositoryUrl();
  return base ? new URL(relative, base).href : relative;
}
