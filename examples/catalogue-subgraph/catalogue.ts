// The catalogue's data: catalogue.json, read once and checked (every record must say it is
// synthetic, references unique, parents present), with the indexes the resolvers look entries up by.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const subject = z.object({
  type: z.enum(['Institution', 'Person']),
  id: z.string().regex(/^(institution|person)\/[a-z0-9-]+$/),
  wikidataId: z
    .string()
    .regex(/^Q[1-9][0-9]*$/)
    .optional(),
});

const entry = z.object({
  reference: z.string().startsWith('SYNTHETIC-CAT/'),
  title: z.string().startsWith('Synthetic finding aid: '),
  level: z.enum(['FONDS', 'SERIES', 'FILE', 'ITEM']),
  parent: z.string().optional(),
  dates: z.string().min(1),
  holding: z.string().startsWith('institution/'),
  describes: z.array(z.string().startsWith('document/')),
  about: z.array(subject),
  synthetic: z.literal(true),
});

const file = z.object({ about: z.string().startsWith('SYNTHETIC DATA.'), entries: z.array(entry) });

export type Entry = z.infer<typeof entry>;
export type Subject = z.infer<typeof subject>;

export interface Catalogue {
  entries: readonly Entry[];
  byReference: ReadonlyMap<string, Entry>;
  children: (reference: string) => Entry[];
  aboutEntity: (id: string) => Entry[];
  heldBy: (institutionId: string) => Entry[];
  describing: (documentId: string) => Entry[];
  aboutWikidataId: (wikidataId: string) => Entry[];
}

/** Parses and checks the catalogue's records; throws on the first record that breaks a rule. */
export function parseCatalogue(json: unknown): Catalogue {
  const entries = [...file.parse(json).entries].sort((a, b) => a.reference.localeCompare(b.reference));
  const byReference = new Map<string, Entry>();
  for (const e of entries) {
    if (byReference.has(e.reference)) throw new Error(`catalogue: duplicate reference ${e.reference}`);
    byReference.set(e.reference, e);
  }
  for (const e of entries) {
    if (e.parent && !byReference.has(e.parent))
      throw new Error(`catalogue: ${e.reference} names a parent that is not in the catalogue: ${e.parent}`);
  }
  const where = (test: (e: Entry) => boolean) => entries.filter(test);
  return {
    entries,
    byReference,
    children: (reference) => where((e) => e.parent === reference),
    aboutEntity: (id) => where((e) => e.about.some((s) => s.id === id)),
    heldBy: (institutionId) => where((e) => e.holding === institutionId),
    describing: (documentId) => where((e) => e.describes.includes(documentId)),
    aboutWikidataId: (wikidataId) => where((e) => e.about.some((s) => s.wikidataId === wikidataId)),
  };
}

/** The catalogue shipped beside this file. */
export function loadCatalogue(path = new URL('./catalogue.json', import.meta.url)): Catalogue {
  return parseCatalogue(JSON.parse(readFileSync(path, 'utf8')));
}
