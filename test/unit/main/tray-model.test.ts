import { describe, expect, it } from 'vitest';
import { trayModel } from '../../../app/main/tray-model';
import type { SourceStatus } from '../../../app/shared/source-status';

const status = (over: Partial<SourceStatus>): SourceStatus => ({
  sourceId: 'x',
  sourceKind: 'emby',
  name: 'Emby',
  state: 'open',
  badFrames: 0,
  events: 0,
  ...over,
});

describe('tray model', () => {
  it('never claims connected while a source is offline, and says which', () => {
    const model = trayModel(
      [status({}), status({ name: 'NAS', state: 'auth-failed', lastError: 'authentication failed' })],
      3,
      false,
    );
    expect(model.icon).toBe('offline');
    expect(model.tooltip).toBe('Herald — 1 of 2 source(s) offline, 3 unread');
    expect(model.sourceLines).toEqual(['Emby: connected', 'NAS: authentication failed']);
  });

  it('shows unread when all is well, and snoozed above unread', () => {
    expect(trayModel([status({})], 2, false).icon).toBe('unread');
    expect(trayModel([status({})], 2, true).icon).toBe('snoozed');
    expect(trayModel([status({})], 0, false).icon).toBe('ok');
    expect(trayModel([], 0, false).tooltip).toBe('Herald — no sources yet');
  });
});
