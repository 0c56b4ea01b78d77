// An entity row as the data layer hands it on, for tests that build rows without a database: every
// field empty unless given.
import type { EntityRow } from '../../src/data/types.ts';

export const entityRow = (over: Partial<EntityRow> & { id: string }): EntityRow => ({
  type: 'Person',
  name: over.id,
  aliases: [],
  description: '',
  note: null,
  kind: null,
  version: 1,
  date: null,
  title: null,
  text: null,
  summary: null,
  citation: null,
  body: null,
  archiveReference: null,
  language: null,
  descriptionFrom: null,
  aliasDetails: [],
  statement: null,
  ...over,
});
