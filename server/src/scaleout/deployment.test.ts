import { describe, expect, it } from 'vitest';
import { configFromEnv, deploymentFrom } from '../config';
import { freePort, tempDataDir } from '../testing/harness';
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
});
