import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { configFromEnv, deploymentFrom, processNameFrom } from '../config';
import { collabUrl, freePort, startTestServer, tempDataDir } from '../testing/harness';
import { openDeployment } from './deployment';

/** Which deployment the configuration selects, and how a start against absent services fails. */
describe('deployment by configuration', () => {
  it('keeps the embedded file store without settings', async () => {
    const config = configFromEnv({ DATA_DIR: tempDataDir() });
    expect(deploymentFrom({})).toEqual({
      databaseUrl: undefined,
      databaseSchema: undefined,
      redisUrl: undefined,
      redisPrefix: undefined,
    });
    const deployment = await openDeployment(config);
    try {
      expect(deployment.kind).toBe('embedded');
      expect(deployment.relay).toBeUndefined();
      expect(await deployment.problems()).toEqual([]);
    } finally {
      await deployment.close();
    }
  });

  it('refuses REDIS_URL without DATABASE_URL, and URLs or schemas it cannot use', () => {
    expect(() => deploymentFrom({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL needs DATABASE_URL/);
    expect(() => deploymentFrom({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => deploymentFrom({ DATABASE_URL: 'postgres://x', DATABASE_SCHEMA: 'a; drop' })).toThrow(
      /DATABASE_SCHEMA/,
    );
    expect(
      deploymentFrom({ DATABASE_URL: 'postgres://db/dmc', REDIS_URL: 'redis://r:6379', REDIS_PREFIX: 'x:' }),
    ).toEqual({
      databaseUrl: 'postgres://db/dmc',
      databaseSchema: undefined,
      redisUrl: 'redis://r:6379',
      redisPrefix: 'x:',
    });
  });

  it('fails to start with a message naming the database that does not answer', async () => {
    const port = await freePort();
    const config = configFromEnv({
      DATA_DIR: tempDataDir(),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/dmc`,
    });
    await expect(openDeployment(config)).rejects.toThrow(`cannot use the database at 127.0.0.1:${port}/dmc`);
  });

  it('names the process in X-Served-By of every response and websocket upgrade when PROCESS_NAME is set', async () => {
    expect(configFromEnv({ PROCESS_NAME: ' dmc-2 ' }).processName).toBe('dmc-2');
    expect(processNameFrom('')).toBeUndefined();
    expect(() => processNameFrom('a b')).toThrow(/PROCESS_NAME/);
    expect(() => processNameFrom('x'.repeat(65))).toThrow(/PROCESS_NAME/);

    const named = await startTestServer({ processName: 'dmc-2' });
    const unnamed = await startTestServer();
    try {
      for (const route of ['/healthz', '/api/health', '/api/no-such-endpoint'])
        expect((await fetch(`${named.url}${route}`)).headers.get('x-served-by')).toBe('dmc-2');
      expect((await fetch(`${unnamed.url}/healthz`)).headers.has('x-served-by')).toBe(false);
      const upgraded = (url: string) =>
        new Promise<string | undefined>((resolve, reject) => {
          const ws = new WebSocket(`${collabUrl(url)}/someworkshop/board-plenary`);
          ws.once('upgrade', (response) => resolve(response.headers['x-served-by'] as string | undefined));
          ws.once('error', reject);
          ws.once('open', () => ws.close());
        });
      expect(await upgraded(named.url)).toBe('dmc-2');
      expect(await upgraded(unnamed.url)).toBeUndefined();
    } finally {
      await named.close();
      await unnamed.close();
    }
  });
});
