// docker-compose.yml's `federation` profile, checked without a Docker engine: the YAML parses, the
// catalogue and gateway services sit in the profile, and the gateway's wiring agrees with
// gateway.config.json (a URL override per subgraph, pointing at a service of the file on the port
// and path that service serves) and with the commands of package.json.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { urlVariable } from '../../src/gateway/config.ts';

interface Service {
  profiles?: string[];
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const gatewayConfig = JSON.parse(readFileSync('gateway.config.json', 'utf8')) as {
  subgraphs: { name: string; url: string }[];
};
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
/** The port a service listens on inside its container, from its own environment. */
const listensOn = (s: Service) => s.environment?.PORT ?? s.environment?.CATALOGUE_PORT;
const hostOf = (s: Service) => s.environment?.HOST ?? s.environment?.CATALOGUE_HOST;
/** The container ports a service publishes, e.g. "127.0.0.1:4080:4080" → 4080. */
const published = (s: Service) => (s.ports ?? []).map((p) => p.split(':').at(-1));

describe('docker compose federation profile', () => {
  it('keeps Neo4j and the API in every profile and puts the catalogue and the gateway in `federation`', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'catalogue', 'gateway', 'neo4j']);
    expect(services.neo4j?.profiles).toBeUndefined();
    expect(services.api?.profiles).toBeUndefined();
    expect(services.catalogue?.profiles).toEqual(['federation']);
    expect(services.gateway?.profiles).toEqual(['federation']);
  });

  it('runs the same commands as npm run gateway and npm run example:catalogue', () => {
    const command = (s: Service | undefined) => s?.command?.join(' ');
    expect(command(services.gateway)).toBe(scripts.gateway);
    expect(command(services.catalogue)).toBe(scripts['example:catalogue']);
    expect(existsSync('scripts/gateway.ts')).toBe(true);
    expect(existsSync('examples/catalogue-subgraph/server.ts')).toBe(true);
  });

  it('points each subgraph of gateway.config.json at a service, on the port and path it serves', () => {
    const gw = services.gateway as Service;
    expect(gw.volumes).toContain(`./gateway.config.json:${gw.environment?.GATEWAY_CONFIG}:ro`);
    expect(gatewayConfig.subgraphs.map((s) => s.name).sort()).toEqual(['catalogue', 'coldwar']);
    for (const subgraph of gatewayConfig.subgraphs) {
      const override = gw.environment?.[urlVariable(subgraph.name)];
      expect(override, urlVariable(subgraph.name)).toBeDefined();
      const url = new URL(override as string);
      const target = services[url.hostname];
      expect(target, `${subgraph.name} → service ${url.hostname}`).toBeDefined();
      expect(url.port).toBe(listensOn(target as Service));
      expect(hostOf(target as Service)).toBe('0.0.0.0');
      expect(url.pathname).toBe(new URL(subgraph.url).pathname);
      // the gateway starts once the subgraph answers its health check
      expect(gw.depends_on?.[url.hostname]).toEqual({ condition: 'service_healthy' });
      expect(JSON.stringify(target?.healthcheck?.test)).toContain(
        `127.0.0.1:${listensOn(target as Service)}/health`,
      );
    }
  });

  it('publishes the gateway and the catalogue on loopback at the ports they listen on', () => {
    const gw = services.gateway as Service;
    expect(gw.environment?.GATEWAY_HOST).toBe('0.0.0.0');
    expect(published(gw)).toEqual([gw.environment?.GATEWAY_PORT]);
    expect(JSON.stringify(gw.healthcheck?.test)).toContain(
      `127.0.0.1:${gw.environment?.GATEWAY_PORT}/health`,
    );
    expect(published(services.catalogue as Service)).toEqual([
      services.catalogue?.environment?.CATALOGUE_PORT,
    ]);
    for (const s of Object.values(services))
      for (const p of s.ports ?? []) expect(p).toMatch(/^127\.0\.0\.1:/);
  });
});
