// The synthetic catalogue subgraph (examples/catalogue-subgraph): its data says it is synthetic and
// points only at ids that exist in this graph's seed (Wikidata ids as the seed records them), and
// it answers as a federation subgraph: _service, _entities, and references to our types.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalogueApp } from '../../examples/catalogue-subgraph/app.ts';
import { loadCatalogue, parseCatalogue } from '../../examples/catalogue-subgraph/catalogue.ts';

const json = JSON.parse(readFileSync('examples/catalogue-subgraph/catalogue.json', 'utf8'));
const app = createCatalogueApp();
const gql = async (query: string, variables?: Record<string, unknown>) => {
  const res = await app.fetch('http://catalogue/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string }[] };
};

/** Every entity id of the seed with its Wikidata ids. */
function seedEntities(): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const file of readdirSync('seed/extractions')) {
    const x = JSON.parse(readFileSync(join('seed/extractions', file), 'utf8'));
    ids.set(x.document.id, []);
    for (const e of x.entities as { id: string; externalIds?: Record<string, string>[] }[]) {
      const wikidata = (e.externalIds ?? [])
        .filter((i) => (i.authority ?? i.scheme)?.toLowerCase() === 'wikidata')
        .map((i) => i.value as string);
      ids.set(e.id, wikidata);
    }
  }
  return ids;
}

describe('catalogue data', () => {
  it('says it is synthetic in every record, title and reference', () => {
    expect(json.about).toMatch(/^SYNTHETIC DATA\./);
    expect(json.entries.length).toBeGreaterThan(3);
    for (const e of json.entries) {
      expect(e.synthetic).toBe(true);
      expect(e.title).toMatch(/^Synthetic finding aid: /);
      expect(e.reference).toMatch(/^SYNTHETIC-CAT\//);
    }
  });

  it('points only at ids of the seed, with the Wikidata ids the seed records for them', () => {
    const seed = seedEntities();
    const c = loadCatalogue();
    for (const e of c.entries) {
      for (const id of [e.holding, ...e.describes, ...e.about.map((s) => s.id)])
        expect(seed.has(id), id).toBe(true);
      for (const s of e.about) {
        expect(s.id.startsWith(`${s.type.toLowerCase()}/`)).toBe(true);
        if (s.wikidataId) expect(seed.get(s.id)).toContain(s.wikidataId);
      }
    }
  });

  it('refuses a record that is not marked synthetic, a duplicate reference or a missing parent', () => {
    const edit = (change: (entries: any[]) => void) => {
      const copy = structuredClone(json);
      change(copy.entries);
      return () => parseCatalogue(copy);
    };
    expect(
      edit((es) => {
        es[0].synthetic = false;
      }),
    ).toThrow(/synthetic/);
    expect(
      edit((es) => {
        es[0].title = 'Fonds 5';
      }),
    ).toThrow(/Synthetic finding aid/);
    expect(edit((es) => es.push(structuredClone(es[0])))).toThrow(
      'catalogue: duplicate reference SYNTHETIC-CAT/F1',
    );
    expect(
      edit((es) => {
        es[1].parent = 'SYNTHETIC-CAT/NONE';
      }),
    ).toThrow(/names a parent that is not in the catalogue: SYNTHETIC-CAT\/NONE/);
  });
});

describe('catalogue subgraph', () => {
  it('publishes its SDL with its key and the keys of the types it extends', async () => {
    const sdl = ((await gql('{ _service { sdl } }')).data._service.sdl as string).replace(/\s+/g, ' ');
    expect(sdl).toContain('type CatalogueEntry @key(fields: "reference")');
    for (const type of ['Institution', 'Person', 'Document'])
      expect(sdl).toContain(`type ${type} @key(fields: "id")`);
  });

  it('answers an entry with references to our types, its parent and children', async () => {
    const r = await gql(/* GraphQL */ `
      {
        catalogueEntry(reference: "SYNTHETIC-CAT/F1/S1/FL1") {
          level
          holding { __typename id }
          describes { __typename id }
          about { __typename ... on Institution { id } }
          parent { reference }
          children { reference }
          synthetic
        }
      }
    `);
    expect(r.data.catalogueEntry).toEqual({
      level: 'FILE',
      holding: { __typename: 'Institution', id: 'institution/rgani' },
      describes: [{ __typename: 'Document', id: 'document/memcon-chervonenko-deng-1959-11-06-ru' }],
      about: [
        { __typename: 'Institution', id: 'institution/ussr-embassy-prc' },
        { __typename: 'Institution', id: 'institution/ccp-cc' },
      ],
      parent: { reference: 'SYNTHETIC-CAT/F1/S1' },
      children: [{ reference: 'SYNTHETIC-CAT/F1/S1/FL1/IT1' }],
      synthetic: true,
    });
  });

  it('resolves a batch of representations in order, null for an unknown reference', async () => {
    const r = await gql(
      /* GraphQL */ `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Institution { catalogueEntries { reference } catalogueHoldings { reference } }
            ... on Document { catalogueEntries { reference } }
            ... on CatalogueEntry { level }
          }
        }
      `,
      {
        r: [
          { __typename: 'Institution', id: 'institution/prc-fm-protocol-division' },
          { __typename: 'Document', id: 'document/memcon-chervonenko-deng-1959-11-06-ru' },
          { __typename: 'CatalogueEntry', reference: 'SYNTHETIC-CAT/F3' },
          { __typename: 'CatalogueEntry', reference: 'SYNTHETIC-CAT/NONE' },
        ],
      },
    );
    expect(r.data._entities).toEqual([
      { catalogueEntries: [{ reference: 'SYNTHETIC-CAT/F2/IT1' }], catalogueHoldings: [] },
      {
        // the Russian memorandum RGANI holds; the Digital Archive's item describes the translation
        catalogueEntries: [
          { reference: 'SYNTHETIC-CAT/F1/S1/FL1' },
          { reference: 'SYNTHETIC-CAT/F1/S1/FL1/IT1' },
        ],
      },
      { level: 'FONDS' },
      null,
    ]);
  });

  it('finds entries by a subject heading’s Wikidata id, and by level', async () => {
    const r = await gql(/* GraphQL */ `
      {
        byWikidata: catalogueEntriesByWikidataId(wikidataId: "Q148") { reference subjectWikidataIds }
        none: catalogueEntriesByWikidataId(wikidataId: "Q1") { reference }
        items: catalogueEntries(level: ITEM) { reference }
      }
    `);
    expect(r.data).toEqual({
      byWikidata: [{ reference: 'SYNTHETIC-CAT/F3', subjectWikidataIds: ['Q15180', 'Q148'] }],
      none: [],
      items: [{ reference: 'SYNTHETIC-CAT/F1/S1/FL1/IT1' }, { reference: 'SYNTHETIC-CAT/F2/IT1' }],
    });
  });
});
