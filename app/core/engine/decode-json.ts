import { DEFAULT_MAX_FRAME_DEPTH, nestsDeeperThan } from './frame-depth';

/** A frame the pipeline could not use; its message is the bad-frame reason the user sees. */
export class BadFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadFrameError';
  }
}

/** The start of a frame, for a reason line: enough to recognise it, never a whole payload. */
export const frameSnippet = (text: string): string => text.slice(0, 80);

/** The one JSON decode of the frame pipeline: every kind's text frames go through here. */
export function decodeJson(text: string): unknown {
  // Refused before JSON.parse accepts it: what handles the value afterwards recurses (see frame-depth.ts).
  if (nestsDeeperThan(text, DEFAULT_MAX_FRAME_DEPTH))
    throw new BadFrameError(`nested deeper than ${DEFAULT_MAX_FRAME_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadFrameError(`frame is not JSON: ${frameSnippet(text)}`);
  }
}
