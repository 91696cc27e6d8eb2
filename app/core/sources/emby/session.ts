import type { SourceContext, SourceSession } from '../types';
import { createEmbyConnection } from './connection';
import { createEmbyFrames } from './frames';
import type { EmbyOptions } from './options';
import { createEmbyState } from './state';

/** One Emby / Jellyfin source: the shared state, its connection and its frame handling. */
export function createEmbySession(ctx: SourceContext<EmbyOptions>): SourceSession {
  const state = createEmbyState(ctx);
  return { connect: createEmbyConnection(state), frames: createEmbyFrames(state) };
}
