import { z } from 'zod';
import type { HomeEvent } from './home-event';
import { SeveritySchema } from './home-event';
import type { Decision } from './rules';

export interface HistoryEntry {
  /** Monotonic sequence number, the entry's id. */
  seq: number;
  recordedAt: number;
  event: HomeEvent;
  decision: Decision;
  read: boolean;
}

export const HistoryQuerySchema = z.object({
  /** Case-insensitive words matched against title, body, entity name and type. */
  text: z.string().max(500).optional(),
  sourceIds: z.array(z.string()).max(200).optional(),
  /** Globs over the event type. */
  types: z.array(z.string()).max(200).optional(),
  severities: z.array(SeveritySchema).optional(),
  actions: z.array(z.enum(['notify', 'record', 'drop'])).optional(),
  /** Epoch ms, inclusive. */
  from: z.number().optional(),
  to: z.number().optional(),
  unreadOnly: z.boolean().optional(),
  /** Entries whose `decision.burstId` equals this: a burst summary and what it holds. */
  burstId: z.string().max(200).optional(),
  /** Newest first; return entries with seq below this (the previous page's `nextCursor`). */
  before: z.number().int().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type HistoryQuery = z.input<typeof HistoryQuerySchema>;

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Entries matching the query, over all pages. */
  total: number;
  /** Pass as `before` for the next page; absent on the last page. */
  nextCursor?: number;
  unread: number;
}
