// The dev server's static handler: types, CORS, index page, and no escape from the served folder.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../addin/serve.ts';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sfe-serve-'));
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'taskpane.html'), '<p>页</p>');
  writeFileSync(join(dir, 'site', 'functions.json'), '{"functions":[]}');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const handler = createStaticHandler(join(dir, 'site'));
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('static handler', () => {
  it('serves files with their type, CORS and no caching; / is the pane page', async () => {
    const r = await fetch(`${base}/functions.json?v=0.1.0`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(await (await fetch(`${base}/`)).text()).toBe('<p>页</p>');
  });
  it('refuses paths outside the folder, missing files and writes', async () => {
    expect((await fetch(`${base}/..%2fsecret.txt`)).status).toBe(403);
    expect((await fetch(`${base}/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/functions.json`, { method: 'POST' })).status).toBe(405);
  });
});
