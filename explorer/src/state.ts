// The view as a URL, so a link shows someone else the same view: the entity at the centre, the
// depth and limit, entities expanded since, the path asked for, the selection and the years shown.
// Pure: parse and format only (test/unit/explorer-state.test.ts).

export interface ViewState {
  /** The entity the network is drawn around. */
  id?: string;
  depth: number;
  limit: number;
  /** Entities whose neighbours were added to the view since (depth 1 each). */
  expand: string[];
  /** The selected entity, or the selected relationship (by its id). */
  node?: string;
  edge?: string;
  /** "How are these two connected?" */
  from?: string;
  to?: string;
  /** Years shown by the timeline filter (inclusive). */
  since?: number;
  until?: number;
}

export const DEPTHS = [1, 2, 3] as const;
export const LIMITS = [50, 100, 200, 500] as const;
export const DEFAULT_STATE: ViewState = { depth: 1, limit: 100, expand: [] };

const ID = /^[a-z]+\/[A-Za-z0-9._~:-]{1,200}$/;
const ids = (value: string | null) => (value ?? '').split(',').filter((x) => ID.test(x));
const id = (value: string | null) => (value && value.length <= 400 ? value : undefined);
const year = (value: string | null) => (value && /^-?\d{1,4}$/.test(value) ? Number(value) : undefined);

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const depth = Number(p.get('depth'));
  const limit = Number(p.get('limit'));
  const state: ViewState = {
    depth: (DEPTHS as readonly number[]).includes(depth) ? depth : DEFAULT_STATE.depth,
    limit: (LIMITS as readonly number[]).includes(limit) ? limit : DEFAULT_STATE.limit,
    expand: [...new Set(ids(p.get('expand')))].slice(0, 20),
  };
  const set = <K extends keyof ViewState>(key: K, value: ViewState[K] | undefined) => {
    if (value !== undefined) state[key] = value;
  };
  set('id', id(p.get('id')));
  set('node', id(p.get('node')));
  set('edge', p.get('node') ? undefined : id(p.get('edge')));
  set('from', id(p.get('from')));
  set('to', id(p.get('to')));
  set('since', year(p.get('since')));
  set('until', year(p.get('until')));
  return state;
}

export function formatState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.id) p.set('id', s.id);
  if (s.id && s.depth !== DEFAULT_STATE.depth) p.set('depth', String(s.depth));
  if (s.id && s.limit !== DEFAULT_STATE.limit) p.set('limit', String(s.limit));
  if (s.expand.length) p.set('expand', s.expand.join(','));
  if (s.node) p.set('node', s.node);
  else if (s.edge) p.set('edge', s.edge);
  if (s.from && s.to) {
    p.set('from', s.from);
    p.set('to', s.to);
  }
  if (s.since !== undefined) p.set('since', String(s.since));
  if (s.until !== undefined) p.set('until', String(s.until));
  const query = p.toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}
