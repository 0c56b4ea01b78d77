// Meetings (src/schema/meeting.ts): the date, who attended in what role and representing what, with
// the passage, and which documents record it.
import { describe, expect, type GqlResult, it } from './fixtures.ts';

const MEETING = 'meeting/chervonenko-deng-1959-11-06';

describe('the 6 November 1959 conversation', () => {
  it('lists every attendee with role, institution represented and the passage', async ({ api }) => {
    const r: GqlResult<any> = await api.gql(
      /* GraphQL */ `
      query ($id: ID!) {
        meeting(id: $id) {
          date { value precision earliest latest }
          attendees {
            person { id name }
            role
            representing { id }
            evidence { quote start end certainty document { id text } }
          }
          recordedIn { id date { value } }
        }
      }
    `,
      { id: MEETING },
    );
    expect(r.errors).toBeUndefined();
    const m = r.data.meeting;
    expect(m.date).toEqual({
      value: '1959-11-06',
      precision: 'DAY',
      earliest: '1959-11-06',
      latest: '1959-11-06',
    });
    const byPerson = Object.fromEntries(m.attendees.map((a: any) => [a.person.id, a.representing?.id]));
    expect(byPerson).toEqual({
      'person/deng-xiaoping': 'institution/ccp-cc',
      'person/stepan-chervonenko': 'institution/ussr-embassy-prc',
      'person/yu-peiwen': 'institution/prc-fm-protocol-division',
      'person/yu-zhan': 'institution/prc-fm-ussr-eastern-europe-division',
      'person/b-n-vereshchagin': 'institution/ussr-embassy-prc',
      'person/b-t-kulik': 'institution/ussr-embassy-prc',
    });
    for (const a of m.attendees) {
      expect(a.evidence.length).toBeGreaterThan(0);
      for (const e of a.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.quote);
    }
    // the documents' dates are kept apart from the meeting's: the Russian memorandum of 8 December
    // 1959 and its English translation, whose date no source gives
    expect(m.recordedIn).toEqual([
      { id: 'document/memcon-chervonenko-deng-1959-11-06-ru', date: { value: '1959-12-08' } },
      { id: 'document/memcon-chervonenko-deng-1959-11-06', date: null },
    ]);
  });
});
