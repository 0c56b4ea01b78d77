// How each kind of entity and relationship looks: a colour and a shape per entity type (drawn by
// programs.ts), a colour per relationship type, solid when STATED and dashed when INFERRED. The
// legend says it in words as well.
import { h } from './dom.ts';

export const SHAPES = ['circle', 'square', 'diamond', 'triangle', 'hexagon', 'ring'] as const;
export type Shape = (typeof SHAPES)[number];

export const ENTITY_LOOK: Record<string, { color: string; shape: Shape }> = {
  Person: { color: '#0072b2', shape: 'circle' },
  Institution: { color: '#d55e00', shape: 'square' },
  Meeting: { color: '#009e73', shape: 'diamond' },
  Event: { color: '#cc79a7', shape: 'triangle' },
  Document: { color: '#6b5b00', shape: 'hexagon' },
  Place: { color: '#56b4e9', shape: 'ring' },
  Statement: { color: '#999933', shape: 'triangle' },
};
const OTHER = { color: '#666666', shape: 'circle' as Shape };

export const entityLook = (type: string) => ENTITY_LOOK[type] ?? OTHER;

export const RELATIONSHIP_COLORS: Record<string, string> = {
  ATTENDED: '#4e79a7',
  AUTHORED: '#f28e2b',
  HELD_BY: '#9c755f',
  HELD_POSITION: '#e15759',
  MENTIONS: '#b8b0ac',
  OBTAINED: '#76b7b2',
  PARTICIPATED_IN: '#59a14f',
  PART_OF: '#c9a227',
  RECORDS: '#b07aa1',
  REPRESENTED: '#ff7f9a',
  TOOK_PLACE_IN: '#6cbf5f',
  TRANSLATED: '#5fa8a0',
};
export const relationshipColor = (type: string) => RELATIONSHIP_COLORS[type] ?? '#999999';

export const words = (type: string) => type.toLowerCase().replace(/_/g, ' ');

/** The legend: entity types with their shape and colour, then the relationship types in view. */
export function legend(entityTypes: Iterable<string>, relationshipTypes: Iterable<string>): HTMLElement {
  const swatch = (color: string, shape: Shape) =>
    h('span', { class: `swatch shape-${shape}`, style: `--c:${color}`, 'aria-hidden': 'true' });
  const line = (color: string, dashed: boolean) =>
    h('span', { class: `line${dashed ? ' dashed' : ''}`, style: `--c:${color}`, 'aria-hidden': 'true' });
  return h(
    'div',
    {},
    h('h2', { class: 'legend-title' }, 'Legend'),
    h(
      'ul',
      { class: 'legend-list' },
      [...entityTypes].sort().map((t) => {
        const look = entityLook(t);
        return h('li', {}, swatch(look.color, look.shape), `${t} (${look.shape})`);
      }),
      [...relationshipTypes].sort().map((t) => h('li', {}, line(relationshipColor(t), false), words(t))),
      h('li', {}, line('#555555', false), 'stated'),
      h('li', {}, line('#555555', true), 'inferred'),
    ),
  );
}
