// The one place that reads the environment. It is read once, validated, and frozen; a wrong value
// stops the process at start with one line naming the variable.
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:port or neo4j://host:port')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('coldwar-graph-local'),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DATA: z.string().min(1).default('.neo4j/data'),
  NEO4J_LOCAL_HEAP_MB: z.coerce.number().int().min(256).max(16384).default(768),
  NEO4J_LOCAL_PAGECACHE_MB: z.coerce.number().int().min(64).max(16384).default(256),
  SEED_ON_START: bool.default(true),
  // HTTP and GraphQL safety (README, "Reliability" and "Configuration")
  NODE_ENV: z.string().optional(),
  GRAPHIQL: bool.optional(),
  INTROSPECTION: bool.optional(),
  FIELD_SUGGESTIONS: bool.optional(),
  CORS_ORIGINS: z
    .string()
    .regex(
      /^(\*|https?:\/\/[^\s,/]+(,\s*https?:\/\/[^\s,/]+)*)$/,
      'must be * or a comma-separated list of origins such as https://archive.example.org',
    )
    .optional(),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(512),
  LOG_LEVEL: z.enum(['warn', 'error', 'silent']).default('warn'),
  NEO4J_QUERY_DEADLINE_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*[^\s?#/])?$/, 'must be an http(s) URL without a trailing slash')
    .optional(),
  // API keys for writes (README, "Editing the graph"): hashed entries `id:role:scrypt$…`, comma-separated,
  // and/or a JSON file of them; `npm run keys -- new` makes one
  API_KEYS: z.string().optional(),
  API_KEYS_FILE: z.string().min(1).optional(),
  READS_REQUIRE_KEY: bool.default(false),
});

export type Config = Readonly<z.infer<typeof schema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates an environment; throws a ConfigError whose message names the first wrong variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as shells and compose files often pass them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const given = cleaned[name];
    // never echo a secret
    const secret = /PASSWORD|API_KEYS$/.test(name);
    const shown = given === undefined ? '' : secret ? ' (value hidden)' : `=${JSON.stringify(given)}`;
    throw new ConfigError(`invalid ${name}${shown}: ${issue?.message ?? 'invalid'}`);
  }
  return Object.freeze(result.data);
}

/** Whether a switch that is on by default outside production is on (GRAPHIQL, INTROSPECTION, …). */
export function devDefault(c: Config, value: boolean | undefined): boolean {
  return value ?? c.NODE_ENV !== 'production';
}

/** The base of every URI the graph mints: PUBLIC_BASE_URL, else where this process listens. */
export function publicBaseUrl(c: Config): string {
  return c.PUBLIC_BASE_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`;
}

let cached: Config | undefined;
/** The process configuration, read from process.env on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
