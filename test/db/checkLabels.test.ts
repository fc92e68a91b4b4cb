// checkConstraintLabels over the definitions PostgreSQL 15 prints for SQLAlchemy's create_constraint CHECKs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkConstraintLabels } from '../../server/src/db/checkLabels';

test('membership checks give their labels', () => {
  assert.deepEqual(checkConstraintLabels("CHECK (((status)::text = ANY ((ARRAY['todo'::character varying, 'it''s'::character varying])::text[])))"), ['todo', "it's"]);
  assert.deepEqual(checkConstraintLabels("CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))"), ['a', 'b']);
  assert.deepEqual(checkConstraintLabels("CHECK (((status)::text = 'only'::text))"), ['only']);
});

test('other checks give nothing', () => {
  assert.equal(checkConstraintLabels('CHECK ((length((status)::text) > 0))'), undefined);
  assert.equal(checkConstraintLabels("CHECK (((status)::text <> 'x'::text))"), undefined);
  assert.equal(checkConstraintLabels("CHECK ((lower((status)::text) = ANY (ARRAY['a'::text])))"), undefined);
  assert.equal(checkConstraintLabels("CHECK ((((status)::text = 'a'::text) OR ((status)::text = 'b'::text)))"), undefined);
  assert.equal(checkConstraintLabels('CHECK ((id > 0))'), undefined);
});
