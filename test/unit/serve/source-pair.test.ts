import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../app/core/api/handlers';
import { API } from '../../../app/shared/api';
import type { SourceKindInfo } from '../../../app/shared/api';
import { fakeEngine, memoryHistory, memorySettings, settingsWithSource } from './fakes';

describe('sources:pair', () => {
  it('is refused for a kind that does not pair, and changes nothing', async () => {
    const engine = fakeEngine();
    const settings = memorySettings(settingsWithSource(), { lab: { authorization: 'Bearer s3cret' } });
    const api = createApiHandlers({
      engine: engine.engine,
      history: memoryHistory(),
      state: settings.owner,
      host: 'electron',
      version: '1',
    });
    expect(await api.handle(API.sourcePair, { sourceId: 'lab' })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'JSON WebSocket sources do not pair' },
    });
    expect(await api.handle(API.sourcePair, { sourceId: 'lab', apiKey: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(settings.state.saves).toBe(0);
    expect(engine.calls.reconnect).toEqual([]);
  });

  it('the kinds list says which kinds pair', async () => {
    const api = createApiHandlers({
      engine: fakeEngine().engine,
      history: memoryHistory(),
      state: memorySettings().owner,
      host: 'serve',
      version: '1',
    });
    const kinds = await api.handle(API.sourceKinds, undefined);
    if (!kinds.ok) throw new Error(kinds.error.message);
    const pairing = Object.fromEntries((kinds.value as SourceKindInfo[]).map((k) => [k.kind, k.pairing]));
    expect(pairing).toEqual({
      tvheadend: undefined,
      emby: undefined,
      deconz: { secretField: 'apiKey' },
      unraid: undefined,
      'generic-json': undefined,
    });
  });
});
