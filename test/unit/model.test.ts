// The id vocabulary of src/model.ts: prefixes derived from the entity types, the form of an id,
// the type an id names, and the checks a client's id goes through (INVALID_ID, WRONG_ID_TYPE).
import { describe, expect, it } from 'vitest';
import { InvalidIdError, WrongIdTypeError } from '../../src/errors.ts';
import { checkId, ENTITY_TYPES, ID_PATTERN, ID_PREFIXES, typeOfId } from '../../src/model.ts';
import { thrown } from './thrown.ts';

describe('id vocabulary', () => {
  it('derives one prefix per entity type', () => {
    expect(ID_PREFIXES).toMatchInlineSnapshot(`
      {
        "document": "Document",
        "event": "Event",
        "institution": "Institution",
        "meeting": "Meeting",
        "person": "Person",
        "place": "Place",
        "statement": "Statement",
      }
    `);
    expect(Object.values(ID_PREFIXES)).toEqual([...ENTITY_TYPES]);
    expect(Object.isFrozen(ID_PREFIXES)).toBe(true);
    expect(ID_PATTERN.source).toMatchInlineSnapshot(
      `"^(person|institution|document|meeting|event|place|statement)\\/[a-z0-9]+(?:-[a-z0-9]+)*$"`,
    );
  });

  it.each([
    ['person/deng-xiaoping', 'Person'],
    ['institution/ccp-cc', 'Institution'],
    ['document/memcon-chervonenko-deng-1959-11-06', 'Document'],
    ['meeting/chervonenko-deng-1959-11-06', 'Meeting'],
    ['event/october-revolution', 'Event'],
    ['place/beijing', 'Place'],
    ['person/b-n-vereshchagin', 'Person'],
    ['person/synthetic-00042', 'Person'],
    ['person/x', 'Person'],
  ])('%s names a %s', (id, type) => {
    expect(ID_PATTERN.test(id)).toBe(true);
    expect(typeOfId(id)).toBe(type);
    expect(checkId(id)).toBe(type);
  });

  it.each([
    '',
    'Deng Xiaoping',
    'deng-xiaoping',
    'person/',
    '/deng-xiaoping',
    'person/Deng-Xiaoping',
    'Person/deng-xiaoping',
    'person/deng--xiaoping',
    'person/-deng',
    'person/deng-',
    'person/deng_xiaoping',
    'person/deng xiaoping',
    'person/deng/xiaoping',
    'person/dèng',
    'robot/r2-d2',
    'entity/deng',
    "person/deng' OR 1=1",
    'person/deng\n',
    'MATCH (n) DETACH DELETE n',
  ])('%j is not an id', (id) => {
    expect(ID_PATTERN.test(id)).toBe(false);
    expect(typeOfId(id)).toBeUndefined();
    const e = thrown(() => checkId(id, 'from'));
    expect(e).toBeInstanceOf(InvalidIdError);
    expect(e.extensions).toEqual({ code: 'INVALID_ID', argument: 'from' });
  });
});

describe('checkId', () => {
  it('says how ids look, quoting at most 100 characters of the one given', () => {
    expect(thrown(() => checkId('Deng Xiaoping')).message).toBe(
      'Malformed id "Deng Xiaoping": ids look like "person/deng-xiaoping" (a type, a slash, lowercase words joined by hyphens).',
    );
    expect(thrown(() => checkId('x'.repeat(5000))).message).toContain(`"${'x'.repeat(100)}"`);
    expect(thrown(() => checkId('x'.repeat(5000))).message.length).toBeLessThan(250);
  });

  it('refuses a well-formed id of another type than expected with WRONG_ID_TYPE', () => {
    expect(checkId('person/yu-zhan', 'id', 'Person')).toBe('Person');
    const e = thrown(() => checkId('institution/ccp', 'id', 'Person'));
    expect(e).toBeInstanceOf(WrongIdTypeError);
    expect(e.message).toBe('The id "institution/ccp" names an Institution, not a Person.');
    expect(e.extensions).toEqual({
      code: 'WRONG_ID_TYPE',
      argument: 'id',
      expected: 'Person',
      actual: 'Institution',
    });
  });

  it('checks the form before the type', () => {
    expect(thrown(() => checkId('Institution/ccp', 'id', 'Person'))).toBeInstanceOf(InvalidIdError);
  });
});
