// Institutions (src/schema/institution.ts): what they are part of, their divisions, the posts held
// in them and the people who held posts in or represented them.
import { describe, expect, it } from './fixtures.ts';

describe('institutions', () => {
  it('gives an institution its parent, children, positions and members', async ({ api }) => {
    const r = await api.gql(/* GraphQL */ `
      {
        embassy: institution(id: "institution/ussr-embassy-prc") {
          kind parent { id } positions { title person { id } } members { id }
        }
        ministry: institution(id: "institution/prc-foreign-ministry") { children { id } }
      }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.embassy.kind).toBe('embassy');
    expect(r.data.embassy.parent).toEqual({ id: 'institution/ussr' });
    // the ambassador once: one post, attested on 8 December (stated) and 6 November (inferred)
    expect(r.data.embassy.positions.map((p: any) => p.title).sort()).toEqual([
      'Ambassador of the USSR in the PRC',
      'Counselor',
      'Third secretary',
    ]);
    expect(r.data.embassy.members.map((m: any) => m.id).sort()).toEqual([
      'person/b-n-vereshchagin',
      'person/b-t-kulik',
      'person/stepan-chervonenko',
    ]);
    expect(r.data.ministry.children.map((c: any) => c.id).sort()).toEqual([
      'institution/prc-fm-protocol-division',
      'institution/prc-fm-ussr-eastern-europe-division',
    ]);
  });
});
