// Words and column shapes the benchmark workspace is built from (see generateWorkspace.mjs): domains become
// packages, entities become model files, enum kinds become each package's enum classes.

export const domainNames = [
  'billing', 'shipping', 'inventory', 'catalog', 'orders', 'payments', 'accounts', 'support', 'marketing', 'analytics',
  'reporting', 'scheduling', 'messaging', 'notifications', 'documents', 'staffing', 'payroll', 'crm', 'sales', 'procurement',
  'warehouse', 'fleet', 'compliance', 'audit', 'identity', 'search', 'media', 'reviews', 'loyalty', 'pricing',
  'tax', 'returns', 'subscriptions', 'onboarding', 'learning', 'events', 'forum', 'projects', 'tasks', 'assets',
];

export const entityNames = [
  'account', 'address', 'adjustment', 'agreement', 'allocation', 'approval', 'attachment', 'batch', 'booking', 'budget',
  'campaign', 'category', 'charge', 'comment', 'contact', 'contract', 'coupon', 'credit', 'customer', 'delivery',
  'deposit', 'device', 'discount', 'dispute', 'entry', 'estimate', 'export_job', 'feedback', 'fee', 'import_job',
  'incident', 'invoice', 'item', 'journal', 'ledger', 'license', 'location', 'membership', 'message', 'milestone',
  'note', 'offer', 'purchase', 'parcel', 'partner', 'payout', 'period', 'plan', 'policy', 'quota',
  'receipt', 'refund', 'region', 'request', 'reservation', 'schedule', 'segment', 'session', 'shipment', 'snapshot',
];

/**
 * The eight enum classes of every package. `persists`: what the models store ('values' through values_callable,
 * or SQLAlchemy's default 'names'); `spelling`: how the model column names the type.
 */
export const enumKinds = [
  { noun: 'Status', column: 'status', doc: 'Lifecycle', bases: 'str, enum.Enum', flavor: 'str-mixin', persists: 'values', explicitName: true, spelling: 'Enum',
    members: ['PENDING', 'ACTIVE', 'SUSPENDED', 'CLOSED', 'ARCHIVED'] },
  { noun: 'Kind', column: 'kind', doc: 'Kinds', bases: 'StrEnum', flavor: 'strenum-auto', persists: 'values', explicitName: true, spelling: 'sa.Enum',
    members: ['STANDARD', 'EXPRESS', 'BULK', 'SAMPLE'] },
  { noun: 'Priority', column: 'priority', doc: 'Priorities', bases: 'enum.IntEnum', flavor: 'int', persists: 'names', explicitName: false, spelling: 'Enum',
    members: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] },
  { noun: 'Channel', column: 'channel', doc: 'Delivery channels', bases: 'str, enum.Enum', flavor: 'str-mixin', persists: 'values', explicitName: true, spelling: 'Enum',
    members: ['EMAIL', 'SMS', 'PUSH', 'WEBHOOK'] },
  { noun: 'Visibility', column: 'visibility', doc: 'Visibility', bases: 'enum.Enum', flavor: 'plain', persists: 'names', explicitName: false, spelling: 'Mapped-bare',
    members: ['PRIVATE', 'TEAM', 'ORGANIZATION', 'PUBLIC'] },
  { noun: 'Source', column: 'source', doc: 'Origins', bases: 'str, enum.Enum', flavor: 'str-mixin', persists: 'names', explicitName: false, spelling: 'sa.Enum',
    members: ['WEB', 'MOBILE', 'API', 'IMPORT', 'PARTNER'] },
  { noun: 'Tier', column: 'tier', doc: 'Service tiers', bases: 'StrEnum', flavor: 'strenum', persists: 'values', explicitName: true, spelling: 'postgresql.ENUM',
    members: ['FREE', 'BASIC', 'PRO', 'ENTERPRISE'] },
  { noun: 'Reason', column: 'reason', doc: 'Closing reasons', bases: 'enum.Enum', flavor: 'plain', persists: 'values', explicitName: true, spelling: 'SAEnum',
    members: ['DUPLICATE', 'FRAUD', 'REQUESTED', 'EXPIRED', 'OTHER'] },
];

/** The three classes of every model file: the record, its history and its links. */
export const modelShapes = [
  { suffix: '', tableSuffix: '', parent: false, doc: (entity, domain) => `A ${entity} of the ${domain} domain.` },
  { suffix: 'History', tableSuffix: '_history', parent: true, doc: (entity) => `One change to a ${entity}, kept for audits.` },
  { suffix: 'Link', tableSuffix: '_link', parent: true, doc: (entity) => `A link from a ${entity} to an external system.` },
];

/** Ordinary columns; `model` is the mapped_column arguments, `migration` the Alembic type. */
export const plainColumns = [
  { name: 'reference', pyType: 'str', model: 'String(64), index=True', migration: 'sa.String(length=64)', index: true },
  { name: 'title', pyType: 'str', model: 'String(200)', migration: 'sa.String(length=200)' },
  { name: 'description', pyType: 'Optional[str]', model: 'Text()', migration: 'sa.Text()' },
  { name: 'amount', pyType: 'Decimal', model: 'Numeric(12, 2), default=Decimal("0")', migration: 'sa.Numeric(precision=12, scale=2)' },
  { name: 'quantity', pyType: 'int', model: 'Integer, default=1', migration: 'sa.Integer()' },
  { name: 'is_active', pyType: 'bool', model: 'Boolean, default=True', migration: 'sa.Boolean()' },
  { name: 'external_id', pyType: 'Optional[str]', model: 'String(128), index=True', migration: 'sa.String(length=128)', index: true },
  { name: 'notes', pyType: 'Optional[str]', model: 'Text()', migration: 'sa.Text()' },
  { name: 'owner_email', pyType: 'str', model: 'String(255)', migration: 'sa.String(length=255)' },
  { name: 'position', pyType: 'int', model: 'Integer, default=0', migration: 'sa.Integer()' },
  { name: 'currency', pyType: 'str', model: 'String(3), default="EUR"', migration: 'sa.String(length=3)' },
  { name: 'due_at', pyType: 'Optional[datetime]', model: 'DateTime(timezone=True)', migration: 'sa.DateTime(timezone=True)' },
  { name: 'version', pyType: 'int', model: 'Integer, default=1', migration: 'sa.Integer()' },
  { name: 'locale', pyType: 'str', model: 'String(16), default="en"', migration: 'sa.String(length=16)' },
];
