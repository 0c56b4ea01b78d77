// The gateway's settings (src/gateway/config.ts): the subgraphs of gateway.config.json, the URL
// overrides from the environment, and a clear refusal naming the wrong value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadGatewayConfig, parseSubgraphs, urlVariable } from '../../src/gateway/config.ts';

const refusal = (call: () => unknown): string => {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('gateway config', () => {
  it('reads the repository config: this API and the catalogue, gateway on 127.0.0.1:4000', () => {
    const c = loadGatewayConfig({});
    expect(c.file).toMatch(/gateway\.config\.json$/);
    expect(c.subgraphs).toEqual([
      { name: 'coldwar', url: 'http://127.0.0.1:4001/subgraph' },
      { name: 'catalogue', url: 'http://127.0.0.1:4002/graphql' },
    ]);
    expect([c.host, c.port, c.waitMs]).toEqual(['127.0.0.1', 4000, 30_000]);
  });

  it('takes a URL from GATEWAY_SUBGRAPH_<NAME>_URL and the listener from GATEWAY_HOST/PORT', () => {
    expect(urlVariable('catalogue')).toBe('GATEWAY_SUBGRAPH_CATALOGUE_URL');
    const c = loadGatewayConfig({
      GATEWAY_SUBGRAPH_CATALOGUE_URL: 'http://catalogue:4002/graphql',
      GATEWAY_SUBGRAPH_COLDWAR_URL: '', // empty counts as unset
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_PORT: '4080',
      GATEWAY_WAIT_MS: '0',
    });
    expect(c.subgraphs.map((s) => s.url)).toEqual([
      'http://127.0.0.1:4001/subgraph',
      'http://catalogue:4002/graphql',
    ]);
    expect([c.host, c.port, c.waitMs]).toEqual(['0.0.0.0', 4080, 0]);
  });

  it('refuses a wrong value with one line naming it', () => {
    expect(refusal(() => loadGatewayConfig({ GATEWAY_PORT: 'eighty' }))).toMatch(
      /^invalid GATEWAY_PORT="eighty"/,
    );
    expect(refusal(() => loadGatewayConfig({ GATEWAY_SUBGRAPH_CATALOGUE_URL: 'ftp://x/y' }))).toBe(
      'invalid GATEWAY_SUBGRAPH_CATALOGUE_URL="ftp://x/y": must be an http(s) URL',
    );
    expect(refusal(() => loadGatewayConfig({ GATEWAY_CONFIG: 'no-such-file.json' }))).toMatch(
      /^invalid GATEWAY_CONFIG: .*no-such-file\.json: it cannot be read$/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'gateway-config-'));
    writeFileSync(join(dir, 'bad.json'), '{ "subgraphs": [ }');
    expect(refusal(() => loadGatewayConfig({ GATEWAY_CONFIG: 'bad.json' }, dir))).toMatch(/it is not JSON/);
  });

  it('refuses a config file without subgraphs, with a bad name or URL, or a name twice', () => {
    expect(refusal(() => parseSubgraphs({ subgraphs: [] }, {}))).toBe(
      'invalid gateway config at subgraphs: must list at least one subgraph',
    );
    expect(refusal(() => parseSubgraphs({ subgraphs: [{ name: 'Cat-1', url: 'http://a/' }] }, {}))).toMatch(
      /^invalid gateway config at subgraphs\.0\.name: must be lower case/,
    );
    expect(refusal(() => parseSubgraphs({ subgraphs: [{ name: 'cat', url: 'not a url' }] }, {}))).toBe(
      'invalid gateway config at subgraphs.0.url: must be an http(s) URL',
    );
    const twice = { subgraphs: [0, 1].map(() => ({ name: 'cat', url: 'http://a/graphql' })) };
    expect(refusal(() => parseSubgraphs(twice, {}))).toBe(
      'invalid gateway config: the subgraph name "cat" is listed twice',
    );
  });
});
