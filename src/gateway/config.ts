// The gateway's settings, read once at start: the subgraphs to compose (gateway.config.json, or the
// file GATEWAY_CONFIG names: a name and a URL each; GATEWAY_SUBGRAPH_<NAME>_URL overrides a URL) and
// where the gateway listens (GATEWAY_HOST, GATEWAY_PORT) and how long it waits for the subgraphs to
// answer at start (GATEWAY_WAIT_MS). A wrong value stops the start with one line naming it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config.ts';

export interface SubgraphConfig {
  name: string;
  url: string;
}

export interface GatewayConfig {
  /** The config file the subgraphs were read from. */
  file: string;
  subgraphs: SubgraphConfig[];
  host: string;
  port: number;
  /** How long to keep asking a subgraph that does not answer yet for its SDL, at start. */
  waitMs: number;
}

const subgraphUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const fileSchema = z.object({
  subgraphs: z
    .array(
      z.object({
        name: z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, 'must be lower case letters, digits and underscores, e.g. "catalogue"'),
        url: subgraphUrl,
      }),
    )
    .min(1, 'must list at least one subgraph'),
});

const envSchema = z.object({
  GATEWAY_CONFIG: z.string().min(1).default('gateway.config.json'),
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
});

/** The environment variable that overrides a subgraph's URL: GATEWAY_SUBGRAPH_<NAME>_URL. */
export const urlVariable = (name: string) => `GATEWAY_SUBGRAPH_${name.toUpperCase()}_URL`;

const firstIssue = (error: z.ZodError, where: string) => {
  const issue = error.issues[0];
  return `${where}${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`;
};

/** The subgraphs of a parsed config file, with the environment's URL overrides applied. */
export function parseSubgraphs(
  json: unknown,
  env: Record<string, string | undefined>,
  where = 'gateway config',
): SubgraphConfig[] {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`invalid ${firstIssue(parsed.error, where)}`);
  const seen = new Set<string>();
  return parsed.data.subgraphs.map(({ name, url }) => {
    if (seen.has(name))
      throw new ConfigError(`invalid ${where}: the subgraph name "${name}" is listed twice`);
    seen.add(name);
    const variable = urlVariable(name);
    const override = env[variable];
    if (!override) return { name, url };
    const checked = subgraphUrl.safeParse(override);
    if (!checked.success)
      throw new ConfigError(`invalid ${variable}=${JSON.stringify(override)}: must be an http(s) URL`);
    return { name, url: checked.data };
  });
}

/** Reads the environment and the config file it names (relative to `cwd`). */
export function loadGatewayConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): GatewayConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsedEnv = envSchema.safeParse(cleaned);
  if (!parsedEnv.success) {
    const name = String(parsedEnv.error.issues[0]?.path[0] ?? 'environment');
    throw new ConfigError(
      `invalid ${name}=${JSON.stringify(cleaned[name])}: ${parsedEnv.error.issues[0]?.message}`,
    );
  }
  const e = parsedEnv.data;
  const file = resolve(cwd, e.GATEWAY_CONFIG);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? `it is not JSON (${err.message})` : 'it cannot be read';
    throw new ConfigError(`invalid GATEWAY_CONFIG: ${file}: ${why}`);
  }
  return {
    file,
    subgraphs: parseSubgraphs(json, cleaned, file),
    host: e.GATEWAY_HOST,
    port: e.GATEWAY_PORT,
    waitMs: e.GATEWAY_WAIT_MS,
  };
}
