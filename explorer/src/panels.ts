// What the side panel shows: an entity (names and aliases, posts over time, meetings, the
// statements about it, external identifiers and URIs), a relationship (the document text with the
// supporting passage highlighted at its offsets, certainty, reasoning, citation) and a path with
// the evidence for each step. Built from text nodes only (dom.ts).
import { h, section } from './dom.ts';
import { entityLook, words } from './look.ts';
import type { DocumentText, EntityDetails, EntityRow, EvidenceRow, RelationshipRow } from './queries.ts';

export interface PanelActions {
  node(id: string): void;
  edge(id: string): void;
  expand(id: string): void;
  center(id: string): void;
  pathFrom(id: string): void;
}

const link = (href: string, text: string) => h('a', { href, rel: 'noopener' }, text);
const dateOf = (d: { value: string } | null | undefined) => d?.value ?? '';
const span = (a: string, b: string) => (a || b ? `${a || '…'} – ${b || '…'}` : '');

function nodeButton(id: string, name: string, actions: PanelActions) {
  return h('button', { type: 'button', class: 'link-button', onclick: () => actions.node(id) }, name);
}

/** One line per relationship: its type, the entity at its other end, and the first quote. */
export function statementList(
  entityId: string,
  rels: RelationshipRow[],
  names: (id: string) => string,
  actions: PanelActions,
) {
  if (!rels.length) return null;
  return h(
    'ul',
    { class: 'statements' },
    rels.map((rel) => {
      const outgoing = rel.from.id === entityId;
      const other = outgoing ? rel.to.id : rel.from.id;
      const label = `${outgoing ? '' : '← '}${words(rel.type)}${outgoing ? ' →' : ''} ${names(other)}`;
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'link-button', 'data-edge': rel.id, onclick: () => actions.edge(rel.id) },
          label,
        ),
        rel.certainty === 'INFERRED' ? h('span', { class: 'tag' }, ' inferred') : null,
        rel.evidence[0] ? h('q', { class: 'quote' }, rel.evidence[0].quote) : null,
      );
    }),
  );
}

export function entityPanel(
  d: EntityDetails,
  rels: RelationshipRow[],
  names: (id: string) => string,
  actions: PanelActions,
): HTMLElement[] {
  const look = entityLook(d.__typename);
  return [
    h(
      'p',
      { class: 'kind' },
      h('span', { class: `swatch shape-${look.shape}`, style: `--c:${look.color}`, 'aria-hidden': 'true' }),
      `${d.__typename}${d.kind ? ` (${d.kind})` : ''}${d.date ? `, ${d.date.value}` : ''}`,
    ),
    h('p', { class: 'description' }, d.description),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => actions.expand(d.id) }, 'Expand'),
      h('button', { type: 'button', onclick: () => actions.center(d.id) }, 'Centre here'),
      h('button', { type: 'button', onclick: () => actions.pathFrom(d.id) }, 'Path from here…'),
    ),
    section(
      'Names and aliases',
      h(
        'ul',
        { class: 'aliases' },
        [d.name, ...d.aliases].map((a) => h('li', {}, a)),
      ),
    ),
    section(
      'Positions over time',
      d.positions?.length
        ? h(
            'table',
            {},
            h('caption', { class: 'visually-hidden' }, `Posts held by ${d.name}`),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Post'), h('th', { scope: 'col' }, 'When'))),
            h(
              'tbody',
              {},
              [...d.positions]
                .sort((a, b) =>
                  (dateOf(a.startDate) || dateOf(a.attestedDate)).localeCompare(
                    dateOf(b.startDate) || dateOf(b.attestedDate),
                  ),
                )
                .map((p) =>
                  h(
                    'tr',
                    {},
                    h('td', {}, `${p.title}, `, nodeButton(p.institution.id, p.institution.name, actions)),
                    h(
                      'td',
                      {},
                      span(dateOf(p.startDate), dateOf(p.endDate)) ||
                        (p.attestedDate ? `attested ${p.attestedDate.value}` : 'undated'),
                    ),
                  ),
                ),
            ),
          )
        : null,
    ),
    section(
      'Meetings',
      d.attended?.nodes.length
        ? h(
            'ul',
            {},
            d.attended.nodes.map((a) =>
              h('li', {}, nodeButton(a.meeting.id, a.meeting.name, actions), a.role ? ` (${a.role})` : ''),
            ),
          )
        : d.attendees?.length
          ? h(
              'ul',
              {},
              d.attendees.map((a) =>
                h('li', {}, nodeButton(a.person.id, a.person.name, actions), a.role ? ` (${a.role})` : ''),
              ),
            )
          : null,
    ),
    section(`Statements in view (${rels.length})`, statementList(d.id, rels, names, actions)),
    section(
      'External identifiers',
      d.externalIds.length
        ? h(
            'ul',
            {},
            d.externalIds.map((x) => h('li', {}, link(x.uri, x.value))),
          )
        : null,
    ),
    section('URI', h('p', {}, link(d.uri, d.uri), h('br'), h('span', { class: 'id' }, `id: ${d.id}`))),
    d.note ? section('Note', h('p', {}, d.note)) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

/** The document text with the quoted passage marked at [start, end). */
export function passage(doc: DocumentText, ev: EvidenceRow): HTMLElement {
  const start = Math.max(0, Math.min(ev.start, doc.text.length));
  const end = Math.max(start, Math.min(ev.end, doc.text.length));
  return h(
    'div',
    { class: 'document-text', tabindex: 0, role: 'region', 'aria-label': `Text of ${doc.name}` },
    doc.text.slice(0, start),
    h('mark', { 'data-start': start, 'data-end': end }, doc.text.slice(start, end)),
    doc.text.slice(end),
  );
}

export function relationshipPanel(
  rel: RelationshipRow,
  names: (id: string) => string,
  docs: Map<string, DocumentText>,
  actions: PanelActions,
): HTMLElement[] {
  const dates = [
    rel.startDate ? `from ${rel.startDate.value}` : '',
    rel.endDate ? `until ${rel.endDate.value}` : '',
    rel.attestedDate ? `attested ${rel.attestedDate.value}` : '',
  ].filter(Boolean);
  return [
    h(
      'p',
      { class: 'ends' },
      nodeButton(rel.from.id, names(rel.from.id), actions),
      ` ${words(rel.type)} `,
      nodeButton(rel.to.id, names(rel.to.id), actions),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Certainty'),
      h('dd', { class: 'certainty' }, rel.certainty === 'STATED' ? 'stated' : 'inferred'),
      dates.length ? [h('dt', {}, 'When'), h('dd', {}, dates.join(', '))] : null,
      rel.properties
        .filter((p) => !/Date$/.test(p.key))
        .flatMap((p) => [h('dt', {}, p.key), h('dd', {}, p.value)]),
      h('dt', {}, 'Id'),
      h('dd', { class: 'id' }, rel.id),
    ),
    ...rel.evidence.map((ev, i) => {
      const doc = docs.get(ev.document.id);
      return h(
        'section',
        { class: 'evidence panel-section' },
        h('h3', {}, rel.evidence.length > 1 ? `Evidence ${i + 1}` : 'Evidence'),
        h('blockquote', {}, ev.quote),
        h(
          'p',
          {},
          `${ev.certainty === 'STATED' ? 'Stated' : 'Inferred'}, characters ${ev.start}–${ev.end} of `,
          nodeButton(ev.document.id, ev.document.name, actions),
        ),
        ev.reasoning ? h('p', { class: 'reasoning' }, h('strong', {}, 'Reasoning: '), ev.reasoning) : null,
        doc?.citation ? h('p', { class: 'citation' }, h('strong', {}, 'Citation: '), doc.citation) : null,
        doc ? passage(doc, ev) : h('p', {}, 'Loading the document text…'),
        h(
          'p',
          {},
          link(ev.textUri, 'The document text as plain text'),
          ` (the offsets count its characters)`,
        ),
      );
    }),
  ];
}

export function pathPanel(nodes: EntityRow[], rels: RelationshipRow[], actions: PanelActions): HTMLElement[] {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  return [
    h(
      'p',
      {},
      `${rels.length} step${rels.length === 1 ? '' : 's'} from ${nodes[0]?.name} to ${nodes.at(-1)?.name}.`,
    ),
    h(
      'ol',
      { class: 'path-steps' },
      rels.map((rel, i) => {
        const a = nodes[i];
        const b = nodes[i + 1];
        return h(
          'li',
          {},
          a ? nodeButton(a.id, a.name, actions) : '',
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-edge': rel.id,
              onclick: () => actions.edge(rel.id),
            },
            `${rel.from.id === a?.id ? '' : '← '}${words(rel.type)}${rel.from.id === a?.id ? ' →' : ''}`,
          ),
          ' ',
          b ? nodeButton(b.id, names.get(b.id) ?? b.id, actions) : '',
          rel.evidence.map((ev) => h('q', { class: 'quote' }, ev.quote)),
        );
      }),
    ),
  ];
}

/** Every entity and relationship in view, as buttons: the keyboard's way into the drawing. */
export function inViewList(
  nodes: EntityRow[],
  rels: RelationshipRow[],
  names: (id: string) => string,
  actions: PanelActions,
): HTMLElement[] {
  return [
    h('h3', {}, `Entities (${nodes.length})`),
    h(
      'ul',
      { class: 'in-view-list', 'aria-label': 'Entities in view' },
      nodes.map((n) =>
        h('li', {}, nodeButton(n.id, n.name, actions), h('span', { class: 'tag' }, ` ${n.__typename}`)),
      ),
    ),
    h('h3', {}, `Relationships (${rels.length})`),
    h(
      'ul',
      { class: 'in-view-list', 'aria-label': 'Relationships in view' },
      rels.map((r) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link-button', 'data-edge': r.id, onclick: () => actions.edge(r.id) },
            `${names(r.from.id)} ${words(r.type)} ${names(r.to.id)}`,
          ),
        ),
      ),
    ),
  ];
}
