/**
 * Plain words for why a recording failed. Tvheadend's `status` is localized and terse ("File missing"),
 * `errorcode` is an SM_CODE number from src/streaming.h; users get both folded into one sentence.
 */

const ERRORCODES: Record<number, string> = {
  1: 'an undefined error occurred',
  100: 'the source was reconfigured',
  101: 'the source is bad',
  102: 'the source was deleted',
  103: 'a higher-priority subscription took the tuner',
  104: 'the recording target is invalid',
  105: 'the user has no access to this channel',
  106: 'the user connection limit was reached',
  107: 'the stream is too weak',
  108: 'it was stopped by a user',
  109: 'it was recorded before',
  200: 'no tuner was free',
  201: 'the mux is not enabled',
  202: 'the tuner is not free',
  203: 'tuning failed',
  204: 'the service is not enabled',
  205: 'the signal is bad',
  206: 'no source is available',
  207: 'no service is available',
  208: 'no usable tuner was found',
  209: 'no tuner is assigned to this channel',
  210: 'the service is invalid',
  211: 'the channel is not enabled',
  212: 'no data arrived (timeout)',
  213: 'another service is using the tuner',
  300: 'it was aborted',
  400: 'no descrambler is available',
  401: 'the descrambler has no access',
  402: 'there is no input',
  403: 'the disk is full',
};

const STATUSES: Record<string, string> = {
  'File missing': 'no file was written',
  'File not created': 'the file could not be created',
  'Too many data errors': 'the stream had too many data errors',
  'Time missed': 'the start time was missed',
  'Waiting for stream': 'the stream never arrived',
};

/** 0, 10 (forced OK) and unknown codes give no reason of their own. */
export function errorcodeText(code: number | undefined): string | undefined {
  if (code === undefined || code === 0 || code === 10) return undefined;
  return ERRORCODES[code] ?? `error code ${code}`;
}

export interface ReasonInput {
  schedStatus?: string;
  status?: string;
  errorcode?: number;
  /** The last non-zero errorcode seen while recording: the real cause once it ends as "File missing". */
  lastErrorcode?: number;
  dataErrors?: number;
}

export function failureReason(input: ReasonInput): string {
  const parts: string[] = [];
  const code = errorcodeText(input.errorcode) ?? errorcodeText(input.lastErrorcode);
  if (code) parts.push(code);
  const status = input.status ? (STATUSES[input.status] ?? input.status) : undefined;
  if (input.schedStatus === 'completedWarning')
    parts.push('the service was disabled, so the recording was missed');
  else if (input.schedStatus === 'completedRerecord')
    parts.push('it will be recorded again at a later showing');
  if (status && !parts.includes(status) && input.status !== 'Completed OK') parts.push(status);
  if (input.status === 'Too many data errors' && input.dataErrors)
    parts.push(`${input.dataErrors} data errors`);
  if (parts.length === 0) parts.push('the server did not say why');
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
