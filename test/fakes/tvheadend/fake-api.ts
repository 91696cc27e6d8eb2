import type { FakeUser } from './fake-auth';
import type { FakeState } from './fake-state';
import { pick, verboseEntry } from './fake-state';

/** The HTTP API routes the notifier uses, answering like the recorded server (src/api/*). */

export interface ApiResult {
  status: number;
  body?: unknown;
}

const FORBIDDEN: ApiResult = { status: 403 };

function uuidList(raw: string | undefined): string[] {
  if (!raw) return [];
  if (raw.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(raw);
      return Array.isArray(list) ? list.map(String) : [];
    } catch {
      return [];
    }
  }
  return [raw];
}

export function handleApi(
  path: string,
  params: URLSearchParams,
  user: FakeUser,
  state: FakeState,
): ApiResult {
  const list = params.get('list')?.split(',').filter(Boolean);
  switch (path) {
    case '/api/serverinfo':
      return {
        status: 200,
        body: {
          sw_version: '4.3-2715~g80729d2f6',
          api_version: 19,
          name: 'Tvheadend',
          capabilities: ['tvadapters'],
        },
      };
    case '/api/idnode/load': {
      const uuids = uuidList(params.get('uuid') ?? undefined);
      const found = uuids.map((u) => state.dvr.get(u)).filter((e) => e !== undefined);
      // Unknown (deleted) uuids are skipped; one the user may not see refuses the call (EPERM → 403).
      if (found.some((e) => !state.maySee(user, e))) return FORBIDDEN;
      const grid = params.get('grid') === '1';
      const fields = list ?? Object.keys(found[0] ?? {}).filter((k) => k !== 'uuid');
      return {
        status: 200,
        body: { entries: found.map((e) => (grid ? pick(e, list) : verboseEntry(e, fields))) },
      };
    }
    case '/api/dvr/entry/grid': {
      const all = [...state.dvr.values()];
      // Others' entries are filtered out while `total` still counts them (as recorded).
      const entries = all.filter((e) => state.maySee(user, e)).map((e) => pick(e, list));
      return { status: 200, body: { entries, total: all.length } };
    }
    case '/api/status/subscriptions': {
      if (!user.admin) return FORBIDDEN;
      const entries = [...state.subs.values()].map((s) => ({ ...s }));
      return { status: 200, body: { entries, totalCount: entries.length } };
    }
    case '/api/epg/events/load': {
      const event = state.epg.get(Number(params.get('eventId')));
      return {
        status: 200,
        body: event ? { totalCount: 1, entries: [{ ...event }] } : { totalCount: 0, entries: [] },
      };
    }
    default:
      return { status: 404 };
  }
}
