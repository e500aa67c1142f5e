// casus serve without a browser: bad input exits 2 before anything
// listens; the server answers only what it should, only to 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { CONTENT_SECURITY_POLICY, startServer } from '../src/serve/server.js';
import { captureIo } from './helpers.js';

const temp = () => mkdtempSync(join(tmpdir(), 'casus-serve-'));

function get(
  port: number,
  path: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.host ? { Host: options.host } : {},
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('casus serve: bad input', () => {
  it('a broken scenario exits 2 with file:line, before serving anything', async () => {
    const file = join(temp(), 'bad.yaml');
    writeFileSync(file, 'scenario: bad\ntitle: Bad\nevents:\n  - { at: 2026-01-10, type: signture, party: UA }\n');
    const io = captureIo();
    expect(await main(['serve', file, '--port', '0'], io)).toBe(2);
    expect(io.err).toContain(`${file}:4:`);
    expect(io.err).toContain('signature');
    expect(io.out).toBe('');
  });

  it('a scenario that parses but cannot run (a judgement nobody is named to make) exits 2 at its line', async () => {
    const file = join(temp(), 'judgement.yaml');
    const events = ['UA', 'RU', 'US', 'EU', 'NATO'].map((p) => `  - { at: 2026-01-10, type: signature, party: ${p} }`);
    writeFileSync(
      file,
      [
        'scenario: judgement',
        'title: Judgement',
        'interpretations: { entry-into-force: on-signature }',
        'events:',
        ...events,
        '  - { at: 2027-01-10, type: armed-attack, by: UA, against: RU, scale: limited, means: missile, ' +
          'target: Moscow, justified: unknown }',
        '',
      ].join('\n'),
    );
    const io = captureIo();
    expect(await main(['serve', file], io)).toBe(2);
    expect(io.err).toContain(`${file}:10:`);
  });

  it.each([
    [['serve', '--port', 'eighty'], '--port eighty: expected a port number'],
    [['serve', '--port', '70000'], 'from 0 to 65535'],
    [['serve', 'a.yaml', 'b.yaml'], 'at most one scenario file'],
    [['serve', 'no-such-file.yaml'], 'no-such-file.yaml: no such file'],
    [['serve', '--set', 'attack-test=huge'], 'attack-test is one of'],
  ])('casus %j exits 2: %s', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toContain(message);
  });

  it('a port already in use exits 2 with a hint', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    const taken = await startServer({ port: 0, session: {}, webDir: dir });
    const io = captureIo();
    expect(await main(['serve', '--port', String(taken.port)], io)).toBe(2);
    expect(io.err).toContain('the port is in use');
    await taken.close();
  });
});

describe('casus serve: the server', () => {
  it('serves the built files and the session with a CSP, and nothing else', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(dir, 'assets', 'index-1.js'), 'export {};');
    const server = await startServer({
      port: 0,
      session: { scenario: { file: 'x.yaml', text: 'scenario: x' }, set: { 'attack-test': 'large-scale' } },
      webDir: dir,
    });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      const page = await get(server.port, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>page</title>');
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const script = await get(server.port, '/assets/index-1.js');
      expect(script.headers['content-type']).toContain('text/javascript');
      expect(JSON.parse((await get(server.port, '/session.json')).body)).toEqual({
        scenario: { file: 'x.yaml', text: 'scenario: x' },
        set: { 'attack-test': 'large-scale' },
      });
      expect((await get(server.port, '/../package.json')).status).toBe(404);
      expect((await get(server.port, '/%2e%2e/%2e%2e/package.json')).status).toBe(404);
      expect((await get(server.port, '/assets/../../package.json')).status).toBe(404);
      expect((await get(server.port, '/', { method: 'POST' })).status).toBe(405);
      expect((await get(server.port, '/', { method: 'HEAD' })).body).toBe('');
      expect((await get(server.port, '/session.json', { host: 'attacker.example:80' })).status).toBe(421);
      expect((await get(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to start without a built page', async () => {
    await expect(startServer({ port: 0, session: {}, webDir: join(temp(), 'missing') })).rejects.toThrow();
  });

  it('the executable prints its address, serves the page, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['dist/cli/bin.js', 'serve', '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const found = /^http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(out);
        if (found) done(found[0]);
      });
      child.on('exit', () => fail(new Error(`exited early: ${err}`)));
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>casus');
    child.kill('SIGINT');
    // 130 is the shell's code for Ctrl+C, which bin.ts's own handler exits with once serve has stopped
    expect([0, 130]).toContain(await exited);
    expect(err).toContain('casus serve: stopped.');
    expect(err).not.toMatch(/\n\s+at /);
    await expect(fetch(url)).rejects.toThrow();
  });
});
