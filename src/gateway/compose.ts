// Composition: ask each subgraph for its SDL (`{ _service { sdl } }`) and compose the supergraph
// with The Guild's federation-composition. A subgraph that does not answer, an SDL that does not
// parse, or a composition error refuses the start: every problem is one line naming its subgraphs.
import { composeServices } from '@theguild/federation-composition';
import { type GraphQLError, parse } from 'graphql';
import { StartupError } from '../errors.ts';
import type { SubgraphConfig } from './config.ts';

export interface SubgraphSdl extends SubgraphConfig {
  sdl: string;
}

export type Composition =
  | { ok: true; supergraphSdl: string }
  | {
      ok: false;
      /** One line per problem, e.g. `[catalogue, coldwar] FIELD_TYPE_MISMATCH: Type of field …`. */
      errors: string[];
    };

/** The start is refused; `problems` holds one line each. */
export class GatewayRefusal extends StartupError {
  override name = 'GatewayRefusal';
  constructor(
    readonly reason: string,
    readonly problems: string[],
  ) {
    super(`${reason}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A composition error as one line, prefixed with the subgraphs its message names. */
function describe(error: GraphQLError, names: string[]): string {
  const named = names.filter((n) => error.message.includes(`"${n}"`) || error.message.includes(`[${n}]`));
  const code = typeof error.extensions?.code === 'string' ? `${error.extensions.code}: ` : '';
  return `[${named.length ? named.join(', ') : 'supergraph'}] ${code}${oneLine(error.message)}`;
}

/** Composes the subgraphs' SDL into a supergraph, or lists every error. */
export function composeSubgraphs(subgraphs: SubgraphSdl[]): Composition {
  const errors: string[] = [];
  const services = subgraphs.flatMap(({ name, url, sdl }) => {
    try {
      return [{ name, url, typeDefs: parse(sdl) }];
    } catch (err) {
      errors.push(`[${name}] INVALID_SDL: ${oneLine(err instanceof Error ? err.message : String(err))}`);
      return [];
    }
  });
  if (errors.length) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) {
    const names = [...subgraphs.map((s) => s.name)].sort();
    return { ok: false, errors: result.errors.map((e) => describe(e, names)) };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

/** Composes, or throws a GatewayRefusal listing every composition error. */
export function composeOrRefuse(subgraphs: SubgraphSdl[]): string {
  const composition = composeSubgraphs(subgraphs);
  if (!composition.ok) {
    const n = composition.errors.length;
    throw new GatewayRefusal(
      `composition failed with ${n} error${n === 1 ? '' : 's'}; the gateway does not start`,
      composition.errors,
    );
  }
  return composition.supergraphSdl;
}

const SDL_QUERY = '{ _service { sdl } }';

/** One subgraph's SDL; throws an Error whose message says what went wrong. */
export async function fetchSdl(subgraph: SubgraphConfig, timeoutMs = 5_000): Promise<string> {
  let res: Response;
  try {
    res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: SDL_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why =
      err instanceof Error && err.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : undefined;
    throw new Error(
      `no answer from ${subgraph.url} (${why ?? cause?.code ?? cause?.message ?? String(err)})`,
    );
  }
  const text = await res.text();
  let body: { data?: { _service?: { sdl?: unknown } }; errors?: { message?: string }[] } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const sdl = body?.data?._service?.sdl;
  if (typeof sdl === 'string' && sdl.trim()) return sdl;
  const why =
    body?.errors?.[0]?.message ?? (body ? 'no _service.sdl in the answer' : 'the answer is not JSON');
  throw new Error(`${subgraph.url} answered ${res.status} without an SDL: ${oneLine(why).slice(0, 300)}`);
}

export interface FetchOptions {
  /** Keep asking a subgraph that does not answer for this long (0: ask once). */
  waitMs?: number;
  log?: (line: string) => void;
}

/** Every subgraph's SDL, asked in parallel; throws a GatewayRefusal naming each that failed. */
export async function fetchSdls(
  subgraphs: SubgraphConfig[],
  options: FetchOptions = {},
): Promise<SubgraphSdl[]> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  const one = async (subgraph: SubgraphConfig): Promise<SubgraphSdl> => {
    let told = false;
    for (;;) {
      try {
        return { ...subgraph, sdl: await fetchSdl(subgraph) };
      } catch (err) {
        if (Date.now() >= deadline) throw new Error(`[${subgraph.name}] ${(err as Error).message}`);
        if (!told) options.log?.(`gateway: waiting for subgraph ${subgraph.name} at ${subgraph.url}…`);
        told = true;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  };
  const results = await Promise.allSettled(subgraphs.map(one));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
  if (failed.length) {
    throw new GatewayRefusal(
      `${failed.length} subgraph${failed.length === 1 ? '' : 's'} gave no SDL; the gateway does not start`,
      failed,
    );
  }
  return results.map((r) => (r as PromiseFulfilledResult<SubgraphSdl>).value);
}
