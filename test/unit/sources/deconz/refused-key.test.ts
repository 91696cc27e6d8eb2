import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpResponse } from '../../../../app/core/http/types';
import { GatewayRest, REVOKED_MESSAGE, RevokedKeyError } from '../../../../app/core/sources/deconz/rest';
import { AuthFailedError } from '../../../../app/core/connection/types';

const state = JSON.parse(
  readFileSync(new URL('../../../fixtures/deconz-state.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>;

/** One fixed answer to every GET, as the gateway would give it. */
function answering(status: number, body: unknown): HttpClient {
  const text = JSON.stringify(body);
  return {
    async request() {
      const res: HttpResponse = { status, headers: {}, text, json: <T>() => JSON.parse(text) as T };
      return res;
    },
    async getJson() {
      throw new Error('not used');
    },
  };
}

const config = (status: number, body: unknown) =>
  new GatewayRest(answering(status, body), () => 'BADKEY').config();

describe('deCONZ: a refused API key', () => {
  it('is recognised in the public config a real gateway sends for a key it does not know (HTTP 200)', async () => {
    const { _note: _, ...publicSubset } = state._basic_config_without_key!;
    expect(publicSubset).not.toHaveProperty('websocketport');
    const refused = config(200, publicSubset);
    await expect(refused).rejects.toBeInstanceOf(RevokedKeyError);
    await expect(refused).rejects.toBeInstanceOf(AuthFailedError);
    await expect(refused).rejects.toThrow(REVOKED_MESSAGE);
    expect(REVOKED_MESSAGE).toBe('the gateway refused the API key: pair again');
  });

  it('is recognised in an "unauthorized user" error body', async () => {
    const body = [{ error: { type: 1, address: '/config', description: 'unauthorized user' } }];
    await expect(config(403, body)).rejects.toBeInstanceOf(RevokedKeyError);
  });

  it('the full config (whitelist, websocketport) is accepted, as is one with a whitelist but no port', async () => {
    await expect(config(200, state.config)).resolves.toMatchObject({ websocketport: 443 });
    // A gateway that lets us in but reports no port is a different problem (websocketUrl says which).
    const { websocketport: _, ...noPort } = state.config!;
    const accepted = await config(200, noPort);
    expect(accepted.whitelist).toEqual({});
  });
});
