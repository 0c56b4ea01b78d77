// The read compiler's planner (src/schema/plan.ts), without a database: a request's selection under
// a root field becomes the plan the data layer writes as one statement. What it cannot follow it
// does not compile (null), and an entity with a field it does not know reads every property.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.ts';
import { entityPlan, listPlan } from '../../../src/schema/plan.ts';

/** The resolve info of the operation's first root field, as graphql-js would hand it over. */
function infoFor(query: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const doc = parse(query);
  const operation = doc.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  const query_ = schema.getQueryType();
  const def = query_?.getFields()[field.name.value];
  if (!query_ || !def) throw new Error(`no root field ${field.name.value}`);
  return {
    fieldName: field.name.value,
    fieldNodes: [field],
    returnType: def.type,
    parentType: query_,
    path: { prev: undefined, key: field.alias?.value ?? field.name.value, typename: 'Query' },
    schema,
    fragments,
    rootValue: undefined,
    operation,
    variableValues,
    // the planner reads none of the rest
  } as unknown as GraphQLResolveInfo;
}

const names = { props: ['name'], fields: {} };

describe('entityPlan', () => {
  it('asks only the properties the fields read', () => {
    expect(
      entityPlan(infoFor('{ person(id: "person/x") { id name description uri version __typename } }')),
    ).toEqual({
      props: ['name', 'description', 'version'],
      fields: {},
    });
    // a date reads its value and what its selected fields need; a field it does not know, all six
    expect(entityPlan(infoFor('{ meeting(id: "meeting/x") { date { value } } }'))).toEqual({
      props: ['dateValue'],
      fields: {},
    });
    expect(entityPlan(infoFor('{ meeting(id: "meeting/x") { date { precision earliest } } }'))).toEqual({
      props: ['dateValue', 'datePrecision', 'dateEarliest'],
      fields: {},
    });
  });

  it('compiles a meeting, its attendees, the person, the institution represented and the evidence', () => {
    const plan = entityPlan(
      infoFor(`{ meeting(id: "meeting/x") { name attendees { role person { name } representing { name }
        evidence { quote document { name } d2: document { name } } } recordedIn { name } } }`),
    );
    expect(plan).toEqual({
      props: ['name'],
      fields: {
        attendees: {
          kind: 'relationships',
          type: 'ATTENDED',
          direction: 'in',
          rel: {
            all: false,
            props: ['role'],
            evidence: { props: ['quotes', 'source'], document: { keys: ['document', 'd2'], node: names } },
            ends: { person: { end: 'from', node: names } },
            representing: { representing: names },
          },
        },
        recordedIn: { kind: 'linked', type: 'RECORDS', direction: 'in', node: names },
      },
    });
  });

  it('reads only the relationship properties its fields read, and every one for a field it does not know', () => {
    const rel = (query: string) => {
      const field = entityPlan(infoFor(query))?.fields.positions;
      return field?.kind === 'relationships' ? field.rel : undefined;
    };
    expect(
      rel('{ person(id: "person/x") { positions { title startDate { value latest } } } }'),
    ).toMatchObject({
      all: false,
      props: ['title', 'startValue', 'startLatest'],
    });
    expect(rel('{ person(id: "person/x") { positions { institution { name } } } }')).toMatchObject({
      all: false,
      props: [],
    });
    expect(rel('{ person(id: "person/x") { positions { attestations { value } } } }')?.all).toBe(true);
  });

  it('reads a page window from arguments and variables, and counts only when the total or pageInfo is asked', () => {
    const plan = entityPlan(
      infoFor(
        `query ($n: Int) { person(id: "person/x") { a: attended(first: $n) { nodes { role } }
          b: attended(first: 2, after: "b2Zmc2V0OjA") { totalCount edges { node { meeting { name } } } } } }`,
        { n: 3 },
      ),
    );
    expect(plan?.fields.a).toMatchObject({
      kind: 'relationships',
      window: { offset: 0, limit: 3, count: false },
    });
    expect(plan?.fields.b).toMatchObject({
      window: { offset: 1, limit: 2, count: true },
      rel: { ends: { meeting: { end: 'to', node: names } } },
    });
  });

  it('leaves a page with arguments it refuses to its resolver (which refuses them as before)', () => {
    const plan = entityPlan(
      infoFor('{ person(id: "person/x") { name attended(first: 1000) { totalCount } } }'),
    );
    expect(plan).toEqual({ props: ['name'], fields: {} });
  });

  it('merges fragments on the type and its interfaces, and skips those on other types', () => {
    const plan = entityPlan(
      infoFor(`{ person(id: "person/x") { ...E ... on Person { note } ... on Meeting { date { value } } } }
        fragment E on Entity { name ... on Node { id } }`),
    );
    expect(plan).toEqual({ props: ['name', 'note'], fields: {} });
  });

  it('reads every property for a field it does not know, and uses the loaders below an interface', () => {
    expect(entityPlan(infoFor('{ person(id: "person/x") { name wikidataId } }'))?.props).toBe('all');
    const plan = entityPlan(infoFor('{ event(id: "event/x") { places { name } } }'));
    expect(plan?.fields.places).toEqual({
      kind: 'linked',
      type: 'TOOK_PLACE_IN',
      direction: 'out',
      node: { props: 'all', fields: {} },
    });
  });

  it('compiles co-attendance: one plan for the person and for the meetings, whatever their keys', () => {
    const plan = entityPlan(
      infoFor(
        '{ person(id: "person/x") { metWith { count person { name } p: person { id } meetings { name } m: meetings { id } evidence { quote } } } }',
      ),
    );
    expect(plan?.fields.metWith).toEqual({
      kind: 'coAttendance',
      person: names,
      meetings: { keys: ['meetings', 'm'], node: names },
      evidence: true,
    });
  });

  it('does not compile what it cannot follow: a directive, a key used for two fields', () => {
    expect(entityPlan(infoFor('{ person(id: "person/x") { name @include(if: true) } }'))).toBeNull();
    expect(
      entityPlan(
        infoFor('{ person(id: "person/x") { attended { nodes { x: role } edges { node { x: id } } } } }'),
      ),
    ).toBeNull();
    // an interface-typed root field is not compiled
    expect(entityPlan(infoFor('{ node(id: "person/x") { id } }'))).toBeNull();
  });
});

describe('listPlan', () => {
  it('plans the items of edges and nodes as one, and counts only when totalCount is selected', () => {
    expect(
      listPlan(
        infoFor(
          '{ people(first: 5) { nodes { name } edges { cursor node { id } } pageInfo { hasNextPage } } }',
        ),
      ),
    ).toEqual({
      node: names,
      count: false,
    });
    expect(listPlan(infoFor('{ people { totalCount } }'))).toEqual({
      node: { props: [], fields: {} },
      count: true,
    });
  });

  it('falls back to every property and a count when it cannot follow the selection', () => {
    expect(listPlan(infoFor('{ people { nodes @skip(if: false) { name } } }'))).toEqual({
      node: null,
      count: true,
    });
  });
});
