// The shape of a rule: a pure function from one enum type's three truths to findings.
import type { EnumModel } from '../model/buildModel';
import type { ColumnIndex } from './columnIndex';
import type { EnumTypeModel } from '../model/analysis';
import type { DatabaseSnapshot, Finding, RuleId, Severity } from '../model/types';

export interface RuleContext {
  type: EnumTypeModel;
  model: EnumModel;
  database?: DatabaseSnapshot;
  columns: ColumnIndex;
}

/** A finding before configuration: the registry fills in rule id and severity. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'>;

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** One line for reporters and SARIF's shortDescription. */
  summary: string;
  check(ctx: RuleContext): RuleFinding[];
}
