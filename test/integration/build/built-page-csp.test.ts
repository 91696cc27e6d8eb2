import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../../../app/cli/serve/start-serve';
import { fakeEngine, memoryHistory, serveHandlers } from '../../unit/serve/fakes';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Runs a build CLI the way `npm run build` / `npm run build:web` do, into a directory of the test's own. */
function build(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin(command), args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}

type Directives = Map<string, string[]>;
function parsePolicy(policy: string): Directives {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function metaPolicy(html: string): string {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
  expect(metas, 'one CSP meta tag').toHaveLength(1);
  // It must come before anything it governs: the first element of <head>.
  expect(html.indexOf(metas[0]![0])).toBeLessThan(html.indexOf('<script'));
  return metas[0]![1]!;
}

/** What every Herald page policy must say, wherever it is delivered. */
function expectStrict(policy: string) {
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*|data:|blob:/);
  const d = parsePolicy(policy);
  expect(d.get('default-src')).toEqual(["'none'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('style-src')).toEqual(["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('form-action')).toEqual(["'none'"]);
  expect(d.get('require-trusted-types-for')).toEqual(["'script'"]);
  expect(d.get('trusted-types')).toEqual(["'none'"]);
  return d;
}

/** The page itself needs nothing the policy forbids: no inline script, no inline style. */
function expectNoInlineCode(html: string) {
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
}

let out: string;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'herald-build-'));
  await build('electron-vite', ['build', '--outDir', join(out, 'electron')]);
  await build('vite', ['build', '--config', 'renderer/vite.config.ts', '--outDir', join(out, 'web')]);
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the CSP of the built page', () => {
  it('electron-vite output: strict, and the page talks to nothing (IPC only)', () => {
    const html = readFileSync(join(out, 'electron', 'renderer', 'index.html'), 'utf8');
    const d = expectStrict(metaPolicy(html));
    expect(d.get('connect-src')).toEqual(["'none'"]);
    // Ignored in a meta tag (Chromium logs an error): Electron's windows are never framed anyway.
    expect(d.has('frame-ancestors')).toBe(false);
    expectNoInlineCode(html);
  });

  it('web build for herald serve: strict in the page, and in the header with frame-ancestors', async () => {
    const dir = join(out, 'web');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const d = expectStrict(metaPolicy(html));
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.has('frame-ancestors')).toBe(false);
    expectNoInlineCode(html);

    const serve = await startServe({
      handlers: serveHandlers(fakeEngine().engine, memoryHistory()),
      staticDir: dir,
    });
    try {
      const page = await fetch(`${serve.origin}/`);
      expect(await page.text()).toBe(html);
      const header = expectStrict(page.headers.get('content-security-policy') ?? '');
      expect(header.get('frame-ancestors')).toEqual(["'none'"]);
      expect(header.get('connect-src')).toEqual([serve.origin, serve.origin.replace('http:', 'ws:')]);
    } finally {
      await serve.close();
    }
  });
});
