import { z } from 'zod';

/**
 * Wire shapes of the Emby / Jellyfin socket and REST API (PascalCase, ids as 32-hex strings).
 * Only what Herald reads is typed; everything else passes through untouched in `raw`.
 */

export const EnvelopeSchema = z.object({
  MessageType: z.string().min(1).max(100),
  MessageId: z.string().optional(),
  Data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** Subscriptions re-sent after every open; periodic listeners forget them with the socket. */
export const SUBSCRIPTIONS: { MessageType: string; Data: string }[] = [
  { MessageType: 'SessionsStart', Data: '0,1500' },
  { MessageType: 'ActivityLogEntryStart', Data: '0,1000' },
  { MessageType: 'ScheduledTasksInfoStart', Data: '0,1500' },
];

export const KEEPALIVE_MESSAGE = JSON.stringify({ MessageType: 'KeepAlive' });

export interface NowPlayingItem {
  Id?: string;
  Name?: string;
  SeriesName?: string;
  ParentIndexNumber?: number;
  IndexNumber?: number;
  Type?: string;
  MediaType?: string;
  ProductionYear?: number;
  Artists?: string[];
  Album?: string;
  IsThemeMedia?: boolean;
  RunTimeTicks?: number;
}

export interface SessionInfo {
  Id?: string;
  UserId?: string;
  UserName?: string;
  Client?: string;
  DeviceId?: string;
  DeviceName?: string;
  RemoteEndPoint?: string;
  NowPlayingItem?: NowPlayingItem;
  PlayState?: { IsPaused?: boolean; PositionTicks?: number; PlayMethod?: string };
}

export interface ActivityLogEntry {
  Id: number;
  Name?: string;
  Overview?: string;
  ShortOverview?: string;
  Type?: string;
  ItemId?: string;
  Date?: string;
  UserId?: string;
  Severity?: string;
}

export interface QueryResult<T> {
  Items?: T[];
  TotalRecordCount?: number;
}

export interface PublicSystemInfo {
  ProductName?: string;
  ServerName?: string;
  Version?: string;
  Id?: string;
}

export interface SystemInfo extends PublicSystemInfo {
  WebSocketPortNumber?: number;
  HttpServerPortNumber?: number;
  HttpsPortNumber?: number;
}

export interface AuthenticationResult {
  AccessToken?: string;
  User?: { Id?: string; Name?: string; Policy?: { IsAdministrator?: boolean } };
  SessionInfo?: { Id?: string };
  ServerId?: string;
}

export interface TaskResult {
  Id?: string;
  Key?: string;
  Name?: string;
  Status?: string;
  StartTimeUtc?: string;
  EndTimeUtc?: string;
  ErrorMessage?: string;
  LongErrorMessage?: string;
}

export interface TaskInfo {
  Id?: string;
  Name?: string;
  State?: string;
  LastExecutionResult?: TaskResult;
}

/** Reads one frame (JSON-decoded by the frame pipeline); throws a short, clear error for anything that is not an envelope. */
export function parseEnvelope(frame: unknown): Envelope {
  const parsed = EnvelopeSchema.safeParse(frame);
  if (!parsed.success) {
    throw new Error(
      `not an Emby/Jellyfin message (no MessageType): ${String(JSON.stringify(frame)).slice(0, 80)}`,
    );
  }
  return parsed.data;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Server dates carry 7 fractional digits; Date.parse copes, and junk falls back to `fallback`. */
export function parseTime(value: unknown, fallback: number): number {
  if (typeof value !== 'string') return fallback;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : fallback;
}
