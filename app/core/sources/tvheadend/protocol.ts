/**
 * Wire shapes of Tvheadend's comet WebSocket (`/comet/ws`) and the few HTTP API answers Herald reads.
 * See docs/protocols/tvheadend.md: frames are invalidations ("uuid X changed"), state comes from REST.
 */

/** The subprotocol the server always answers with; strict clients (npm `ws`) must ask for it. */
export const COMET_SUBPROTOCOL = 'tvheadend-comet';
export const COMET_PATH = '/comet/ws';
/** Challenges every request without credentials, even where anonymous access is granted (page_login). */
export const LOGIN_PATH = '/login';

/** `{"boxid":…}` only on the first frame of a connection; then `{"messages":[…]}`. */
export interface CometFrame {
  boxid?: string;
  messages: CometMessage[];
}

/** Every message names its class; the rest depends on it (key order varies). */
export interface CometMessage {
  notificationClass: string;
  [key: string]: unknown;
}

/** Invalidation arrays carried by idnode classes (`dvrentry`, `channel`, …). */
export interface IdnodeNotice {
  create?: string[];
  change?: string[];
  delete?: string[];
  reload?: number;
}

/** EPG notices carry event ids as strings; `dvr_update`/`dvr_delete` mean its recording state changed. */
export interface EpgNotice {
  create?: string[];
  update?: string[];
  delete?: string[];
  dvr_update?: string[];
  dvr_delete?: string[];
}

export interface AccessUpdate {
  username?: string;
  address?: string;
  admin?: number;
  dvr?: number;
  time?: number;
  freediskspace?: number;
  useddiskspace?: number;
  totaldiskspace?: number;
}

export interface DiskspaceUpdate {
  freediskspace: number;
  useddiskspace?: number;
  totaldiskspace?: number;
}

/** `sched_status` — the stable machine value; `status` is a localized display string. */
export const schedStatuses = [
  'scheduled',
  'recording',
  'recordingError',
  'completed',
  'completedError',
  'completedWarning',
  'completedRerecord',
  'unknown',
] as const;
export type SchedStatus = (typeof schedStatuses)[number];

/** The DVR entry fields Herald asks `idnode/load` / the grids for (flat, `grid=1`). */
export interface DvrEntryWire {
  uuid: string;
  disp_title?: string;
  disp_subtitle?: string;
  channelname?: string;
  status?: string;
  sched_status?: string;
  errorcode?: number;
  errors?: number;
  data_errors?: number;
  start?: number;
  stop?: number;
  start_real?: number;
  stop_real?: number;
  filename?: string;
  filesize?: number;
  owner?: string;
  creator?: string;
  autorec?: string;
  broadcast?: number;
}

export const DVR_FIELDS = [
  'disp_title',
  'disp_subtitle',
  'channelname',
  'status',
  'sched_status',
  'errorcode',
  'errors',
  'data_errors',
  'start',
  'stop',
  'start_real',
  'stop_real',
  'filename',
  'filesize',
  'owner',
  'creator',
  'autorec',
  'broadcast',
] as const;

/** `idnode/load` without `grid=1` answers in this verbose form (seen in the recorded samples). */
export interface IdnodeVerboseEntry {
  uuid: string;
  params: { id: string; value?: unknown }[];
}

/** One row of `/api/status/subscriptions` (fields are left out when unknown). */
export interface SubscriptionWire {
  id: number;
  start?: number;
  errors?: number;
  state?: string;
  hostname?: string;
  username?: string;
  client?: string;
  title?: string;
  channel?: string;
  service?: string;
  profile?: string;
}

export interface EpgEventWire {
  eventId: number;
  channelName?: string;
  title?: string;
  subtitle?: string;
  start?: number;
  stop?: number;
  dvrUuid?: string;
  dvrState?: string;
}
