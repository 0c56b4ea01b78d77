// The explorer's view as a URL (explorer/src/state.ts): what a shared link restores, and what it
// refuses (depths and limits outside the offered ones, malformed ids in `expand`, non-years).
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatState, parseState } from '../../explorer/src/state.ts';

describe('the explorer view in the URL', () => {
  it('a full view survives formatting and parsing', () => {
    const view = {
      id: 'person/deng-xiaoping',
      depth: 2,
      limit: 200,
      expand: ['meeting/chervonenko-deng-1959-11-06', 'institution/ccp-cc'],
      node: 'institution/ccp-cc',
      from: 'person/deng-xiaoping',
      to: 'person/stepan-chervonenko',
      since: 1957,
      until: 1959,
    };
    const url = formatState(view);
    expect(url).toBe(
      '?id=person/deng-xiaoping&depth=2&limit=200&expand=meeting/chervonenko-deng-1959-11-06,institution/ccp-cc&node=institution/ccp-cc&from=person/deng-xiaoping&to=person/stepan-chervonenko&since=1957&until=1959',
    );
    expect(parseState(url)).toEqual(view);
  });

  it('a selected relationship id (with # and >) survives too', () => {
    const edge =
      'document/memcon-chervonenko-deng-1959-11-06#ATTENDED:person/b-t-kulik->meeting/chervonenko-deng-1959-11-06';
    expect(parseState(formatState({ ...DEFAULT_STATE, id: 'person/b-t-kulik', edge })).edge).toBe(edge);
  });

  it('defaults are left out of the URL, and an empty view is an empty query', () => {
    expect(formatState(DEFAULT_STATE)).toBe('');
    expect(formatState({ ...DEFAULT_STATE, id: 'person/x' })).toBe('?id=person/x');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('refuses what the page does not offer', () => {
    const s = parseState(
      '?id=person/x&depth=9&limit=7&expand=person/y,<script>,,meeting/z&since=19x9&until=abc',
    );
    expect(s).toEqual({ id: 'person/x', depth: 1, limit: 100, expand: ['person/y', 'meeting/z'] });
  });

  it('a path needs both ends, and a node selection wins over an edge selection', () => {
    expect(formatState({ ...DEFAULT_STATE, id: 'person/x', from: 'person/x' })).toBe('?id=person/x');
    expect(parseState('?id=person/x&node=person/x&edge=e')).toMatchObject({ node: 'person/x' });
    expect(parseState('?id=person/x&node=person/x&edge=e').edge).toBeUndefined();
  });
});
