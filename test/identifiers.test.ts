// External identifiers (src/data/identifiers.ts, schema/entity.ts, schema/federation.ts): stored as
// (:Entity)-[:SAME_AS]->(:Identifier), one entity per identifier, read in one statement per request,
// looked up by authority and value, and never mistaken for a relationship of the graph (paths,
// networks, linked data, exports and their counts). The identifiers here are synthetic: written by
// the test on synthetic entities, `verifiedBy: "synthetic test data"`, removed afterwards.
import { parse as parseCsv } from 'csv-parse/sync';
import {
  claimIdentifiers,
  claimIdentifiersStatement,
  type IdentifierClaim,
} from '../src/data/identifiers.ts';
import { type Authority, RELATIONSHIP_TYPE_NAMES } from '../src/model.ts';
import { type Api, describe, expect, type GqlResult, it, useSyntheticGraph } from './fixtures.ts';

const SYNTHETIC = 'synthetic test data';

/** Obviously synthetic values, each of its authority's form (model.ts AUTHORITY_RULES). */
const VALUES: Record<Authority, string> = {
  wikidata: 'Q999999999001',
  viaf: '9999999999999999999001',
  snac: 'ark:/99166/w6zzzzzz',
  gnd: '1099999999',
  lc: 'n2029999001',
};
const URIS: Record<Authority, string> = {
  wikidata: 'http://www.wikidata.org/entity/Q999999999001',
  viaf: 'http://viaf.org/viaf/9999999999999999999001',
  snac: 'https://snaccooperative.org/ark:/99166/w6zzzzzz',
  gnd: 'https://d-nb.info/gnd/1099999999',
  lc: 'http://id.loc.gov/authorities/names/n2029999001',
};

const claim = (entity: string, authority: Authority, value: string): IdentifierClaim => ({
  entity,
  authority,
  value,
  verifiedBy: SYNTHETIC,
  method: 'none: written by the test on a synthetic entity',
  verifiedOn: '2026-01-01',
  source: null,
});

const claimAll = (api: Api, claims: IdentifierClaim[]) =>
  api.db.writeTransaction((tx) => claimIdentifiers(tx, claims));

const removeSyntheticIdentifiers = (api: Api) =>
  api.db.write('/* testRemoveIdentifiers */ MATCH (i:Identifier {verifiedBy: $by}) DETACH DELETE i', {
    by: SYNTHETIC,
  });

describe('external identifiers', () => {
  const graph = useSyntheticGraph({
    persons: 40,
    personsPerInstitution: 10,
    meetingsPerPerson: 0.5,
    seed: 11,
  });
  const person = () => graph().persons[0] as string;
  const other = () => graph().persons[1] as string;
  const institution = () => graph().institutions[0] as string;

  it.beforeAll(async ({ api }) => {
    const conflicts = await claimAll(api, [
      ...(Object.keys(VALUES) as Authority[]).map((a) => claim(person(), a, VALUES[a])),
      claim(institution(), 'wikidata', 'Q999999999002'),
      // a wikidata id for every synthetic person after the first two, for the batching check
      ...graph()
        .persons.slice(2)
        .map((id, i) => claim(id, 'wikidata', `Q99999999${String(1000 + i)}`)),
    ]);
    expect(conflicts).toEqual([]);
  });
  it.afterAll(async ({ api }) => {
    await removeSyntheticIdentifiers(api);
    const [left] = await api.db.read<{ n: number }>(
      '/* testIdentifiersLeft */ MATCH (i:Identifier {verifiedBy: $by}) RETURN count(i) AS n',
      { by: SYNTHETIC },
    );
    expect(left?.n).toBe(0);
  });

  it('shows every authority with its URI and how it was verified', async ({ api }) => {
    const r = await api.gql(
      /* GraphQL */ `query ($id: ID!) { person(id: $id) { wikidataId externalIds { authority value uri verifiedBy method verifiedOn source } } }`,
      { id: person() },
    );
    expect(r.errors).toBeUndefined();
    const ids = r.data.person.externalIds as Record<string, unknown>[];
    expect(ids.map((x) => x.authority)).toEqual(['GND', 'LC', 'SNAC', 'VIAF', 'WIKIDATA']);
    for (const x of ids) {
      const a = String(x.authority).toLowerCase() as Authority;
      expect(x).toEqual({
        authority: x.authority,
        value: VALUES[a],
        uri: URIS[a],
        verifiedBy: SYNTHETIC,
        method: 'none: written by the test on a synthetic entity',
        verifiedOn: '2026-01-01',
        source: null,
      });
    }
    expect(r.data.person.wikidataId).toBe(VALUES.wikidata);
  });

  it('finds an entity by any authority, null for an identifier nobody carries', async ({ api }) => {
    for (const a of Object.keys(VALUES) as Authority[]) {
      const r = await api.gql(
        /* GraphQL */ `query ($a: Authority!, $v: String!) { entityByExternalId(authority: $a, value: $v) { id __typename } }`,
        { a: a.toUpperCase(), v: VALUES[a] },
      );
      expect(r.errors, a).toBeUndefined();
      expect(r.data.entityByExternalId, a).toEqual({ id: person(), __typename: 'Person' });
    }
    const none = await api.gql(
      /* GraphQL */ `{ entityByExternalId(authority: WIKIDATA, value: "Q999999999999") { id } }`,
    );
    expect(none.errors).toBeUndefined();
    expect(none.data.entityByExternalId).toBeNull();
  });

  it('refuses a value not of the authority’s form, before any statement', async ({ api }) => {
    for (const [authority, value] of [
      ['WIKIDATA', 'q15180'],
      ['WIKIDATA', 'Q0'],
      ['VIAF', '0123'],
      ['SNAC', 'w6zzzzzz'],
      ['GND', 'abc'],
      ['LC', 'sh85037527'],
    ]) {
      let r: GqlResult<any> | undefined;
      const statements = await api.statementsDuring(async () => {
        r = await api.gql(
          /* GraphQL */ `query ($a: Authority!, $v: String!) { entityByExternalId(authority: $a, value: $v) { id } }`,
          { a: authority, v: value },
        );
      });
      expect(r?.errors?.[0]?.extensions, `${authority} ${value}`).toMatchObject({
        code: 'INVALID_ARGUMENT',
        argument: 'value',
      });
      expect(statements).toBe(0);
    }
  });

  it('reads the identifiers of a whole page in one statement', async ({ api }) => {
    const page = (first: number) =>
      api.gql(
        /* GraphQL */ `query ($first: Int!) { people(first: $first, filter: { nameContains: "Synthetic" }) { nodes { id wikidataId externalIds { value } } } }`,
        { first },
      );
    const small = await api.statementsDuring(() => page(3));
    let r: GqlResult<any> | undefined;
    const large = await api.statementsDuring(async () => {
      r = await page(40);
    });
    expect(r?.errors).toBeUndefined();
    const nodes = r?.data.people.nodes as { id: string; wikidataId: string | null }[];
    expect(nodes).toHaveLength(40);
    expect(nodes.filter((n) => n.wikidataId).length).toBe(39);
    // the list, then one statement for the identifiers of every node on it
    expect(small).toBe(2);
    expect(large).toBe(small);
  });

  it('lets no two entities carry one identifier', async ({ api }) => {
    const conflicts = await claimAll(api, [claim(other(), 'wikidata', VALUES.wikidata)]);
    expect(conflicts).toEqual([
      { entity: other(), key: `wikidata:${VALUES.wikidata}`, claimedBy: [person()] },
    ]);
    const [row] = await api.db.read<{ holders: string[] }>(
      '/* testHolders */ MATCH (i:Identifier {key: $key})<-[:SAME_AS]-(e:Entity) RETURN collect(e.id) AS holders',
      { key: `wikidata:${VALUES.wikidata}` },
    );
    expect(row?.holders).toEqual([person()]);
    // the uniqueness constraint holds even against a write that skips the check
    await expect(
      api.db.write("/* testDuplicateIdentifier */ CREATE (:Identifier {key: $key, authority: 'wikidata'})", {
        key: `wikidata:${VALUES.wikidata}`,
      }),
    ).rejects.toThrow();
  });

  it('writes by a pure statement an importer can reuse', () => {
    const s = claimIdentifiersStatement([claim('person/x', 'snac', 'ark:/99166/w6zzzzzz')]);
    expect(s.name).toBe('claimIdentifiers');
    expect(s.params.claims).toEqual([
      expect.objectContaining({ entity: 'person/x', key: 'snac:ark:/99166/w6zzzzzz' }),
    ]);
  });

  describe('never taken for a relationship', () => {
    it('stays out of networks and paths', async ({ api }) => {
      const r = await api.gql(
        /* GraphQL */ `query ($id: ID!, $to: ID!) {
          neighborhood(id: $id, depth: 3, limit: 500) { nodes { __typename id } edges { __typename } }
          shortestPath(from: $id, to: $to, maxHops: 10) { nodes { __typename id } relationships { __typename } }
        }`,
        { id: person(), to: institution() },
      );
      expect(r.errors).toBeUndefined();
      const ids = [...r.data.neighborhood.nodes, ...(r.data.shortestPath?.nodes ?? [])].map(
        (n: { id: string }) => n.id,
      );
      expect(ids.every((id: string) => /^(person|institution|meeting|document)\//.test(id))).toBe(true);
      const [{ direct } = { direct: 0 }] = await api.db.read<{ direct: number }>(
        '/* testDegree */ MATCH (n:Entity {id: $id}) RETURN COUNT { (n)-[:SAME_AS]->() } AS direct',
        { id: person() },
      );
      expect(direct).toBe(5);
    });

    it('stays out of linked data relations, and becomes sameAs', async ({ api }) => {
      // a seed entity (synthetic ones have relationship ids linked data cannot mint URIs for), with a
      // synthetic identifier beside the seed's own
      const DENG = 'person/deng-xiaoping';
      expect(await claimAll(api, [claim(DENG, 'viaf', '9999999999999999999002')])).toEqual([]);
      const before = await api.db.read<{ n: number }>(
        '/* testDengRelations */ MATCH (:Entity {id: $id})-[r]-(:Entity) WHERE type(r) IN $types RETURN count(r) AS n',
        { id: DENG, types: RELATIONSHIP_TYPE_NAMES },
      );
      const res = await api.app.fetch(`http://test/id/${DENG}`, {
        headers: { accept: 'application/ld+json' },
      });
      expect(res.status).toBe(200);
      const doc = (await res.json()) as {
        sameAs?: string | string[];
        relations?: { type: string[] }[];
        incomingRelations?: { type: string[] }[];
      };
      expect([doc.sameAs].flat()).toContain('http://viaf.org/viaf/9999999999999999999002');
      const kinds = [...(doc.relations ?? []), ...(doc.incomingRelations ?? [])].map((x) =>
        [x.type].flat().join(' '),
      );
      // every relationship of the model is described, and nothing else
      expect(kinds).toHaveLength(before[0]?.n ?? -1);
      expect(kinds.join(' ')).not.toMatch(/SAME_AS|sameAs|Identifier/i);
      const page = await (
        await api.app.fetch(`http://test/id/${DENG}`, { headers: { accept: 'text/html' } })
      ).text();
      expect(page).toContain('VIAF 9999999999999999999002');
      expect(page).toContain('checked by synthetic test data on 2026-01-01');
    });

    it('stays out of exports and their counts, and fills the identifiers column', async ({ api }) => {
      const [truth] = await api.db.read<{ entities: number; all: number; identifiers: number }>(
        `/* testCounts */ CALL { MATCH (n:Entity) RETURN count(n) AS entities }
         CALL { MATCH ()-[r]->() RETURN count(r) AS all }
         CALL { MATCH ()-[r:SAME_AS]->() RETURN count(r) AS identifiers }
         RETURN entities, all, identifiers`,
      );
      expect(truth?.identifiers).toBeGreaterThan(40);
      const nodes = await api.app.fetch('http://test/export?format=csv&table=nodes');
      expect(nodes.status).toBe(200);
      const rows = parseCsv(await nodes.text(), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(truth?.entities ?? -1);
      const mine = rows.find((x) => x.uri?.endsWith(`/id/${person()}`));
      expect(mine?.external_ids?.split(' | ').sort()).toEqual(
        (Object.keys(VALUES) as Authority[]).map((a) => `${a}:${VALUES[a]}`).sort(),
      );
      const edges = await api.app.fetch('http://test/export?format=csv&table=edges');
      const edgeRows = parseCsv(await edges.text(), { columns: true }) as Record<string, string>[];
      expect(edgeRows.some((e) => /SAME_AS|REDIRECTS_TO|CHANGED/.test(e.relationship ?? ''))).toBe(false);
      // the announced totals count the model's relationships only, not the SAME_AS links (edges.csv
      // has a row per evidence passage: count the relationships)
      const announced = Number(edges.headers.get('x-export-edges'));
      expect(announced).toBe(new Set(edgeRows.map((e) => e.uri)).size);
      expect(announced).toBeLessThanOrEqual((truth?.all ?? 0) - (truth?.identifiers ?? 0));
    });
  });
});
