// One-line descriptions and default levels of the rules, for reports that list rules up front (SARIF's
// tool.driver.rules). Ids and severities are the ones the issue fixes; the rule files hold the full story.
import type { RuleId, Severity } from '../../core/model/types';
import { repositoryUrl } from '../version';

export interface RuleDescriptor {
  id: RuleId;
  defaultSeverity: Severity;
  shortDescription: string;
}

export const ruleCatalog: readonly RuleDescriptor[] = [
  { id: 'persist-mismatch', defaultSeverity: 'error', shortDescription: 'The ORM writes and reads labels the database enum type does not hold.' },
  { id: 'unloadable-rows', defaultSeverity: 'error', shortDescription: 'Rows hold labels the ORM cannot map back to an enum member; loading them fails.' },
  { id: 'bad-values-callable', defaultSeverity: 'error', shortDescription: 'values_callable fails at import or persists something other than the member values.' },
  { id: 'type-name-mismatch', defaultSeverity: 'warning', shortDescription: 'The column uses another enum type (name or schema) than the one the ORM names.' },
  { id: 'missing-type', defaultSeverity: 'error', shortDescription: "The ORM's native enum type does not exist in the database." },
  { id: 'migration-drift', defaultSeverity: 'error', shortDescription: 'Migrations replayed to the live revision give other labels, or another order, than the database.' },
  { id: 'alembic-version-behind', defaultSeverity: 'warning', shortDescription: 'The database is not at the Alembic head and the models need what head creates.' },
];

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
