// Which source gave each alias and field (src/import/provenance.ts): a new entity, the same source
// again (nothing changes), a corrected source that drops an alias or a note (taken out unless another
// source gives it), an editor's name (kept), a match by identifier or name (fills, never replaces), a
// source that stops stating the entity, and the helpers an editor's writes use.
import { describe, expect, it } from 'vitest';
import {
  changeSource,
  editedAliases,
  type Incoming,
  mergedAliases,
  nextState,
  type Props,
} from '../../../src/import/provenance.ts';

const D = 'document/synthetic-d';
const E = 'document/synthetic-e';
const person = (over: Partial<Incoming> = {}): Incoming => ({
  id: 'person/synthetic-p',
  type: 'Person',
  fields: { name: { name: 'Pat Synthetic' }, description: { description: 'Synthetic.' } },
  aliases: ['P. Synthetic'],
  ...over,
});
/** The stored properties after applying `next` to `stored`. */
const apply = (stored: Props, props: Props): Props => {
  const out: Props = { ...stored };
  for (const [k, v] of Object.entries(props)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
};

describe('nextState', () => {
  it('a new entity: its fields and aliases with their source, and the search keys', () => {
    const { props, changed } = nextState(null, person(), D);
    expect(changed).toBe(true);
    expect(props).toMatchObject({
      name: 'Pat Synthetic',
      nameSource: D,
      description: 'Synthetic.',
      descriptionSource: D,
      aliases: ['P. Synthetic'],
      aliasGiven: ['P. Synthetic'],
      aliasGivenBy: [D],
      sources: [D],
      sortName: 'pat synthetic',
      aliasText: 'P. Synthetic | ',
    });
    expect(props.searchKeyList).toEqual(
      expect.arrayContaining(['pat synthetic', 'p synthetic', 'synthetic']),
    );
    expect(Object.values(props)).not.toContain(null);
  });

  it('the same source again changes nothing', () => {
    const stored = nextState(null, person(), D).props;
    expect(nextState(stored, person(), D)).toEqual({ props: {}, changed: false, warnings: [] });
  });

  it('a corrected source takes out the alias and the note only it gave', () => {
    let stored = nextState(
      null,
      person({ fields: { ...person().fields, note: { note: 'A note.' } } }),
      D,
    ).props;
    stored = apply(stored, nextState(stored, person({ aliases: ['P. Synthetic', 'Pat S.'] }), E).props);
    expect(stored.aliases).toEqual(['P. Synthetic', 'Pat S.']);
    expect(stored.note).toBe('A note.');
    const next = nextState(stored, person({ aliases: [] }), D);
    expect(next.changed).toBe(true);
    stored = apply(stored, next.props);
    // P. Synthetic: E still gives it; the note: only D gave it
    expect(stored.aliases).toEqual(['P. Synthetic', 'Pat S.']);
    expect(stored.aliasGivenBy).toEqual([E, E]);
    expect(stored.note).toBeUndefined();
    expect(stored.noteSource).toBeUndefined();
    const dropped = apply(stored, nextState(stored, person({ aliases: ['P. Synthetic'] }), E).props);
    expect(dropped.aliases).toEqual(['P. Synthetic']);
    expect(dropped.searchKeyList).not.toContain('pat s');
  });

  it('keeps the name an editor set, with a warning, and the source’s name as its alias', () => {
    const stored = {
      ...nextState(null, person(), D).props,
      name: 'Patricia Synthetic',
      nameSource: changeSource('c1'),
    };
    const next = nextState(stored, person({ fields: { name: { name: 'Pat Synthetic' } } }), E);
    expect(next.props.name).toBeUndefined();
    expect(next.warnings).toEqual([
      expect.stringContaining('kept the name an editor set ("Patricia Synthetic")'),
    ]);
    expect(next.props.aliases).toEqual(['P. Synthetic', 'Pat Synthetic']);
  });

  it('an entity matched by identifier or name keeps its fields; a differing name becomes an alias', () => {
    const stored = nextState(null, person(), D).props;
    const next = nextState(
      stored,
      person({
        fields: { name: { name: 'Patrick Synthetic' }, description: { description: 'Other.' } },
        aliases: [],
      }),
      E,
      'fill',
    );
    const after = apply(stored, next.props);
    expect(after.name).toBe('Pat Synthetic');
    expect(after.description).toBe('Synthetic.');
    expect(after.aliases).toEqual(['P. Synthetic', 'Patrick Synthetic']);
    expect(after.sources).toEqual([D, E]);
  });

  it('a name replaced by another source stays as an alias of the source that gave it', () => {
    const stored = nextState(null, person({ aliases: [] }), D).props;
    const after = apply(
      stored,
      nextState(stored, person({ fields: { name: { name: 'Patrick Synthetic' } }, aliases: [] }), E).props,
    );
    expect(after.name).toBe('Patrick Synthetic');
    expect(after.nameSource).toBe(E);
    expect(after.aliases).toEqual(['Pat Synthetic']);
    expect(after.aliasGivenBy).toEqual([D]);
  });

  it('an alias an editor took out loses its sources; one an editor added without a source is kept', () => {
    const stored = nextState(null, person({ aliases: ['P. Synthetic', 'Pat'] }), D).props;
    const edited = { ...stored, aliases: ['Pat', 'Editor Alias'] };
    const after = apply(edited, nextState(edited, person({ aliases: ['Pat'] }), E).props);
    expect(after.aliases).toEqual(['Editor Alias', 'Pat']);
    expect(after.aliasGiven).toEqual(['Pat', 'Pat']);
  });

  it('a source that stops stating the entity: its source, aliases and optional fields go, the name stays', () => {
    const stored = nextState(null, person({ fields: { ...person().fields, note: { note: 'N.' } } }), D).props;
    const both = apply(stored, nextState(stored, person({ aliases: [] }), E).props);
    const next = nextState(both, null, D);
    const after = apply(both, next.props);
    expect(after).toMatchObject({ name: 'Pat Synthetic', sources: [E], aliases: [], aliasGiven: [] });
    expect(after.note).toBeUndefined();
    expect(after.nameSource).toBeUndefined();
    expect(next.changed).toBe(true);
  });
});

describe('an editor’s aliases', () => {
  const stored = { aliases: ['A', 'B'], aliasGiven: ['A', 'B', 'B'], aliasGivenBy: [D, D, E] };
  it('editedAliases: kept aliases keep their sources, new ones are the change’s, removed ones lose theirs', () => {
    expect(editedAliases(stored, ['B', 'C'], 'c1')).toEqual({
      aliasGiven: ['B', 'B', 'C'],
      aliasGivenBy: [D, E, 'change/c1'],
    });
  });
  it('mergedAliases: both lists, and the removed entity’s name with its source', () => {
    expect(
      mergedAliases(
        stored,
        { name: 'Z', nameSource: E, aliases: ['Y'], aliasGiven: [], aliasGivenBy: [] },
        'c2',
      ),
    ).toEqual({ aliasGiven: ['A', 'B', 'B', 'Y', 'Z'], aliasGivenBy: [D, D, E, 'change/c2', E] });
  });
});
