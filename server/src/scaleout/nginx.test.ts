import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNote, readNote } from '@dmc/shared/doc/board';
import type { RunningServer } from '../server';
import { connectBoard, createWorkshop, freePort, joinWorkshop, startTestServer, waitFor } from '../testing/harness';
import { NGINX_CONFIG_FILE, renderNginxConfig, startNginx } from '../testing/nginx';
import { TEST_DATABASE_URL, TEST_REDIS_URL, freshPrefix, freshSchema } from '../testing/services';
import { cleanupAfterEach } from '../testing/cleanup';

/**
 * The nginx configuration operators are given (docs/nginx.conf, quoted in docs/operations.md),
 * run for real (Debian's nginx) in front of two processes on PostgreSQL and Redis: round-robin
 * without sticky sessions, websockets upgraded. The browsers' version is e2e/scaleOut.e2e.ts.
 */

const OPERATIONS = path.resolve(import.meta.dirname, '../../../docs/operations.md');
const cleanup = cleanupAfterEach();

describe('the shipped nginx configuration', () => {
  it('is quoted unchanged in docs/operations.md', () => {
    const blocks = [...fs.readFileSync(OPERATIONS, 'utf8').matchAll(/^```nginx\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    expect(blocks).toEqual([fs.readFileSync(NGINX_CONFIG_FILE, 'utf8')]);
  });

  it('gets the test ports swapped in, and says so when the lines it swaps are gone', () => {
    const shipped = fs.readFileSync(NGINX_CONFIG_FILE, 'utf8');
    const rendered = renderNginxConfig(shipped, [9001, 9002], 9000);
    expect(rendered.match(/^ {4}server .*$/gm)).toEqual([
      '    server 127.0.0.1:9001 max_fails=1 fail_timeout=5s;',
      '    server 127.0.0.1:9002 max_fails=1 fail_timeout=5s;',
    ]);
    expect(rendered).toContain('    listen 127.0.0.1:9000;\n');
    expect(rendered).not.toContain('443');
    // Everything else stays as shipped.
    const rest = (text: string) => text.replace(/^ {4}(server 127|listen ).*\n/gm, '');
    expect(rest(rendered)).toBe(rest(shipped));
    expect(() => renderNginxConfig(shipped.replace('listen 443 ssl;', 'listen 8443 ssl;'), [1], 2)).toThrow(
      /listen 443 ssl/,
    );
  });

  it('spreads requests and websockets over the processes, which serve them as one', async () => {
    const schema = await freshSchema();
    const prefix = await freshPrefix();
    cleanup(
      () => schema.drop(),
      () => prefix.drop(),
    );
    const servers: RunningServer[] = [];
    for (const name of ['dmc-1', 'dmc-2']) {
      const server = await startTestServer({
        port: await freePort(),
        processName: name,
        trustProxy: 1,
        databaseUrl: TEST_DATABASE_URL,
        databaseSchema: schema.name,
        redisUrl: TEST_REDIS_URL,
        redisPrefix: prefix.prefix,
      });
      cleanup(() => server.close());
      servers.push(server);
    }
    const nginx = await startNginx(servers.map((s) => s.port));
    cleanup(() => nginx.stop());

    // Round-robin, no stickiness: consecutive requests alternate between the processes.
    const servedBy: string[] = [];
    for (let i = 0; i < 4; i++) servedBy.push((await fetch(`${nginx.url}/healthz`)).headers.get('x-served-by') ?? '');
    expect(new Set(servedBy)).toEqual(new Set(['dmc-1', 'dmc-2']));

    const workshop = await createWorkshop(nginx.url);
    const anna = await joinWorkshop(nginx.url, workshop.workshop.code, 'Anna');
    const bram = await joinWorkshop(nginx.url, workshop.workshop.code, 'Bram');
    const clients = [connectBoard(nginx.url, anna), connectBoard(nginx.url, bram)];
    cleanup(() => clients.forEach((c) => c.destroy()));
    await Promise.all(clients.map((c) => c.synced()));
    // One websocket on each process: what one writes reaches the other through Redis.
    expect(servers.map((s) => s.collab.stats().connections)).toEqual([1, 1]);
    addNote(clients[0]!.doc, {
      id: 'via-nginx',
      sheetId: 'vel1',
      fieldId: 'doel',
      x: 100,
      y: 150,
      color: 'yellow',
      text: 'door nginx',
      authorId: anna.participant.id,
    });
    await waitFor(() => readNote(clients[1]!.doc, 'via-nginx')?.text === 'door nginx', 'the note on the other process');
    expect(nginx.errorLog()).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
