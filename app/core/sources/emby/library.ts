import type { SourceEvent } from '../types';
import { makeEvent } from './event-factory';
import type { EventContext } from './event-factory';
import { webLink } from './flavours';
import { itemLabel } from './items';
import type { Envelope, NowPlayingItem, QueryResult } from './protocol';
import { isRecord, strings } from './protocol';

export interface LibraryChange {
  added: string[];
  updated: string[];
  removed: string[];
  foldersAddedTo: string[];
  foldersRemovedFrom: string[];
}

export interface NamedItem {
  id: string;
  label: string;
  type?: string;
  folder?: boolean;
}

export function parseLibraryChange(data: unknown): LibraryChange {
  const d = isRecord(data) ? data : {};
  return {
    added: strings(d.ItemsAdded),
    updated: strings(d.ItemsUpdated),
    removed: strings(d.ItemsRemoved),
    foldersAddedTo: strings(d.FoldersAddedTo),
    foldersRemovedFrom: strings(d.FoldersRemovedFrom),
  };
}

const FOLDER_TYPES = new Set(['Folder', 'CollectionFolder', 'UserView', 'AggregateFolder', 'UserRootFolder']);

/** Names for a few added items (`GET /Items?Ids=…`); folders are left out, they are not news. */
export async function lookupNames(
  get: (path: string) => Promise<QueryResult<NowPlayingItem>>,
  ids: string[],
  userId: string | undefined,
): Promise<NamedItem[]> {
  if (ids.length === 0) return [];
  const query = new URLSearchParams({ Ids: ids.join(','), Fields: 'ProductionYear' });
  if (userId) query.set('UserId', userId);
  const result = await get(`/Items?${query.toString()}`);
  const items = isRecord(result) && Array.isArray(result.Items) ? result.Items.filter(isRecord) : [];
  return items
    .filter((i) => typeof i.Id === 'string')
    .map((i) => ({
      id: i.Id as string,
      label: itemLabel(i as NowPlayingItem),
      type: typeof i.Type === 'string' ? i.Type : undefined,
      folder: FOLDER_TYPES.has(String(i.Type)),
    }));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One LibraryChanged becomes up to three events: added (worth a notification), removed, updated (record only). */
export function libraryEvents(
  ctx: EventContext,
  env: Envelope,
  key: string,
  change: LibraryChange,
  looked: NamedItem[],
): SourceEvent[] {
  const events: SourceEvent[] = [];
  // Library folders ride along in ItemsAdded; once a lookup shows them, they are not counted as news.
  const folders = new Set(looked.filter((n) => n.folder).map((n) => n.id));
  const added = change.added.filter((id) => !folders.has(id));
  const names = looked.filter((n) => !n.folder);
  const counts = {
    added: added.length,
    updated: change.updated.length,
    removed: change.removed.length,
  };
  if (added.length > 0) {
    const labels = names.map((n) => n.label);
    const more = added.length - names.length;
    const single = added.length === 1;
    const first = names[0];
    events.push(
      makeEvent(ctx, {
        key: `${key}:added`,
        type: 'emby.library.added',
        title:
          single && first
            ? `New on ${ctx.sourceName}: ${first.label}`
            : `${ctx.sourceName}: ${plural(added.length, 'new item')}`,
        body:
          labels.length > 0
            ? `${labels.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
            : plural(added.length, 'item') + ' added',
        entity: { id: first?.id ?? added[0]!, name: first?.label ?? added[0]!, kind: 'item' },
        url: webLink(ctx.flavour, ctx.base, first?.id ?? added[0]),
        data: { ...counts, names: labels, itemIds: added.slice(0, 50) },
        raw: env,
      }),
    );
  }
  if (change.removed.length > 0) {
    events.push(
      makeEvent(ctx, {
        key: `${key}:removed`,
        type: 'emby.library.removed',
        title: `${ctx.sourceName}: ${plural(change.removed.length, 'item')} removed`,
        body: '',
        data: { ...counts, itemIds: change.removed.slice(0, 50) },
        raw: env,
      }),
    );
  }
  if (change.updated.length > 0) {
    events.push(
      makeEvent(ctx, {
        key: `${key}:updated`,
        type: 'emby.library.updated',
        title: `${ctx.sourceName}: ${plural(change.updated.length, 'item')} updated`,
        body: '',
        data: { ...counts, itemIds: change.updated.slice(0, 50) },
        raw: env,
      }),
    );
  }
  return events;
}
