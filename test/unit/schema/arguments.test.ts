// The argument checks each root field makes before anything runs, as pure functions: a list's
// filters and order (listQuery), a path's ends and bounds (pathQuery), a timeline's range and actor
// (timelineQuery). Through the app, test/errors.test.ts and test/limits.test.ts check the same
// refusals cost no statement.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAVERSAL_TYPES } from '../../../src/data/paths.ts';
import { encodeKeyCursor } from '../../../src/schema/connection.ts';
import { listQuery } from '../../../src/schema/entity.ts';
import { pathQuery } from '../../../src/schema/paths.ts';
import { timelineQuery } from '../../../src/schema/timeline.ts';
import { thrown } from '../thrown.ts';

const AFTER = { by: 'date', earliest: '1959-11-06', latest: '1959-11-06', id: 'meeting/x' } as const;

describe('listQuery', () => {
  it('defaults: the first page in the default order, no filter', () => {
    expect(listQuery('Person', {}, 'NAME_ASC')).toEqual({
      label: 'Person',
      nameContains: undefined,
      startDay: undefined,
      endDay: undefined,
      order: 'NAME_ASC',
      limit: 20,
      backwards: false,
      count: true,
      node: undefined,
    });
  });

  it('folds the name filter and turns the dates into days', () => {
    expect(
      listQuery(
        'Meeting',
        {
          first: 5,
          after: encodeKeyCursor(AFTER),
          orderBy: 'DATE_DESC',
          filter: {
            nameContains: 'CHERVONENKO–Dèng',
            dateOverlaps: { startDate: '1959-11', endDate: '1959' },
          },
        },
        'DATE_ASC',
      ),
    ).toEqual({
      label: 'Meeting',
      nameContains: 'chervonenko deng',
      startDay: '1959-11-01',
      endDay: '1959-12-31',
      order: 'DATE_DESC',
      limit: 5,
      after: AFTER,
      backwards: false,
      count: true,
      node: undefined,
    });
    expect(listQuery('Person', { filter: { nameContains: 'Хрущёв' } }, 'NAME_ASC').nameContains).toBe(
      'хрущев',
    );
  });

  it.each([
    [{ first: 101 }, 'first', /must be between 0 and 100, got 101/],
    [{ after: 'not-a-cursor' }, 'after', /Invalid cursor/],
    [{ filter: { nameContains: '?!' } }, 'filter.nameContains', /needs at least one letter or digit/],
    [{ filter: { dateOverlaps: { startDate: 'Nov 1959' } } }, 'filter.dateOverlaps.startDate', /not a date/],
    [{ filter: { dateOverlaps: { endDate: '1959-11-31' } } }, 'filter.dateOverlaps.endDate', /not a date/],
    [
      { filter: { dateOverlaps: { startDate: '1960', endDate: '1959' } } },
      'filter.dateOverlaps.endDate',
      /the range ends \(1959-12-31\) before it starts \(1960-01-01\)/,
    ],
  ])('refuses %j (argument %s)', (args, argument, message) => {
    const e = thrown(() => listQuery('Meeting', args, 'DATE_ASC'));
    expect(e.extensions?.argument).toBe(argument);
    expect(e.message).toMatch(message);
  });
});

describe('pathQuery', () => {
  it('defaults: six hops, every type but MENTIONS', () => {
    expect(pathQuery({ from: 'person/deng-xiaoping', to: 'person/yu-zhan' })).toEqual({
      from: 'person/deng-xiaoping',
      to: 'person/yu-zhan',
      maxHops: 6,
      types: DEFAULT_TRAVERSAL_TYPES,
    });
    expect(pathQuery({ from: 'person/a', to: 'person/b', maxHops: 10, via: ['MENTIONS'] })).toMatchObject({
      maxHops: 10,
      types: ['MENTIONS'],
    });
  });

  it.each([
    [{ from: 'Deng', to: 'person/yu-zhan' }, 'INVALID_ID', 'from'],
    [{ from: 'person/deng-xiaoping', to: "person/Deng Xiaoping'" }, 'INVALID_ID', 'to'],
    [{ from: 'person/a', to: 'person/b', maxHops: 0 }, 'INVALID_ARGUMENT', 'maxHops'],
    [{ from: 'person/a', to: 'person/b', maxHops: 11 }, 'INVALID_ARGUMENT', 'maxHops'],
    [{ from: 'person/a', to: 'person/b', via: [] }, 'INVALID_ARGUMENT', 'via'],
  ])('refuses %j with %s on %s', (args, code, argument) => {
    expect(thrown(() => pathQuery(args)).extensions).toMatchObject({ code, argument });
  });
});

describe('timelineQuery', () => {
  it('defaults: the whole calendar, no actor, the first page', () => {
    expect(timelineQuery({})).toEqual({
      startDay: '0000-01-01',
      endDay: '9999-12-31',
      actor: undefined,
      offset: 0,
      limit: 20,
    });
    expect(
      timelineQuery({ startDate: '1959', endDate: '1959-11', actor: 'person/deng-xiaoping' }),
    ).toMatchObject({
      startDay: '1959-01-01',
      endDay: '1959-11-30',
      actor: 'person/deng-xiaoping',
    });
  });

  it.each([
    [{ actor: 'deng' }, 'INVALID_ID', 'actor'],
    [{ startDate: '6 Nov 1959' }, 'INVALID_ARGUMENT', 'startDate'],
    [{ startDate: '1960', endDate: '1959' }, 'INVALID_ARGUMENT', 'endDate'],
    [{ first: 101 }, 'INVALID_ARGUMENT', 'first'],
  ])('refuses %j with %s on %s', (args, code, argument) => {
    expect(thrown(() => timelineQuery(args)).extensions).toMatchObject({ code, argument });
  });
});
