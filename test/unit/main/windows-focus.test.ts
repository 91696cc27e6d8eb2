import { describe, expect, it } from 'vitest';
import { createWindowManager } from '../../../app/main/windows';
import type { WindowDeps } from '../../../app/main/windows';

/** A window that records what it was asked to load. */
class StubWindow {
  static all: StubWindow[] = [];
  loads: string[] = [];
  webContents = { setWindowOpenHandler() {}, on() {} };
  constructor(public options: Record<string, unknown>) {
    StubWindow.all.push(this);
  }
  loadURL(url: string) {
    this.loads.push(url);
    return Promise.resolve();
  }
  loadFile(file: string, options?: { hash?: string }) {
    this.loads.push(`${file}#${options?.hash ?? ''}`);
    return Promise.resolve();
  }
  show() {}
  focus() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  on() {}
}

function manager(rendererUrl?: string) {
  StubWindow.all = [];
  return createWindowManager({
    BrowserWindow: StubWindow as unknown as WindowDeps['BrowserWindow'],
    preload: '/app/preload.js',
    rendererFile: '/app/index.html',
    ...(rendererUrl ? { rendererUrl } : {}),
    openExternal() {},
  });
}

describe('a clicked notification while the history window is already open', () => {
  it('takes the open window to the clicked entry (packaged page)', () => {
    const windows = manager();
    windows.show('history');
    windows.show('history', 42);
    expect(StubWindow.all).toHaveLength(1);
    expect(StubWindow.all[0]!.loads.at(-1)).toBe('/app/index.html#/history?seq=42');
  });

  it('takes the open window to the clicked entry (dev server)', () => {
    const windows = manager('http://localhost:5173/');
    windows.show('history', 7);
    windows.show('history', 8);
    expect(StubWindow.all).toHaveLength(1);
    expect(StubWindow.all[0]!.loads.at(-1)).toBe('http://localhost:5173/#/history?seq=8');
  });

  it('just brings the window forward when no entry is named', () => {
    const windows = manager();
    windows.show('history', 3);
    windows.show('history');
    expect(StubWindow.all[0]!.loads).toEqual(['/app/index.html#/history?seq=3']);
  });
});
