// Events and places (src/schema/event.ts): when an event happened (only as precisely as can be
// justified), who took part, where it took place, and the events of a place.
import { describe, expect, it } from './fixtures.ts';

describe('events', () => {
  it('gives an event its date with reasoning, its participants and its places, with evidence', async ({
    api,
  }) => {
    const r = await api.gql(/* GraphQL */ `
      {
        celebration: event(id: "event/october-revolution-40th-anniversary-celebration") {
          name
          date { value precision earliest latest certainty reasoning }
          participants { person { id } role event { id } evidence { quote certainty document { id text } start end } }
          places { __typename id }
        }
        visit: event(id: "event/khrushchev-visit-to-usa") {
          date { value }
          participants { person { id } role }
          places { __typename id }
          mentionedIn { totalCount edges { node { document { id } evidence { quote } } } }
        }
      }
    `);
    expect(r.errors).toBeUndefined();
    const c = r.data.celebration;
    expect(c.name).toBe('Celebrations of the 40th anniversary of the October Revolution');
    // the text gives no date; the anniversary year is inferred, and spans the whole year
    expect(c.date).toMatchObject({
      value: '1957',
      precision: 'YEAR',
      earliest: '1957-01-01',
      latest: '1957-12-31',
      certainty: 'INFERRED',
    });
    expect(c.date.reasoning).toMatch(/1917/);
    expect(c.participants).toHaveLength(1);
    const deng = c.participants[0];
    expect(deng).toMatchObject({
      person: { id: 'person/deng-xiaoping' },
      role: 'present',
      event: { id: 'event/october-revolution-40th-anniversary-celebration' },
    });
    expect(deng.evidence[0].certainty).toBe('STATED');
    for (const e of deng.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.quote);
    expect(c.places).toEqual([{ __typename: 'Institution', id: 'institution/ussr' }]);

    const v = r.data.visit;
    expect(v.date).toBeNull();
    expect(v.participants).toEqual([{ person: { id: 'person/nikita-khrushchev' }, role: 'visitor' }]);
    expect(v.places).toEqual([{ __typename: 'Institution', id: 'institution/usa' }]);
    expect(v.mentionedIn.totalCount).toBe(1);
    expect(v.mentionedIn.edges[0].node.evidence[0].quote).toContain('visit');
  });

  it('gives a place the documents that name it, and no events when none took place there', async ({
    api,
  }) => {
    const r = await api.gql(/* GraphQL */ `
      { place(id: "place/ukraine") { __typename name events { id } mentionedIn { totalCount edges { node { evidence { quote } } } } } }
    `);
    expect(r.errors).toBeUndefined();
    expect(r.data.place).toMatchObject({ __typename: 'Place', name: 'Ukraine', events: [] });
    expect(r.data.place.mentionedIn.totalCount).toBe(1);
    expect(r.data.place.mentionedIn.edges[0].node.evidence[0].quote).toBe('Ukraine had remained alone');
  });

  it('refuses an id of another type with WRONG_ID_TYPE', async ({ api }) => {
    const r = await api.gql(/* GraphQL */ `{ event(id: "place/ukraine") { id } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'WRONG_ID_TYPE',
      expected: 'Event',
      actual: 'Place',
    });
  });
});
