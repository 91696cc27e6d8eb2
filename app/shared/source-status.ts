export const connectionStates = [
  'idle',
  'connecting',
  'open',
  'backing-off',
  'auth-failed',
  'stopped',
] as const;
export type ConnectionState = (typeof connectionStates)[number];

export interface SourceStatus {
  sourceId: string;
  sourceKind: string;
  name: string;
  state: ConnectionState;
  /** The last problem in plain words ("authentication failed", "connection refused"), cleared once open. */
  lastError?: string;
  /** What the user can do about it, where Herald knows ("press the link button in Phoscon, then retry"). */
  hint?: string;
  /** Epoch ms of the next attempt while backing off. */
  nextRetryAt?: number;
  /** Epoch ms since the socket has been open. */
  openSince?: number;
  /** Frames that could not be used (malformed JSON, binary, over the size or depth limit). */
  badFrames: number;
  /** Why the last of them could not be used, in plain words, and when (epoch ms). */
  lastBadFrame?: { reason: string; at: number };
  /** Events produced since start. */
  events: number;
  snoozedUntil?: number;
}
