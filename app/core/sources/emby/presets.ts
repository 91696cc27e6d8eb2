import type { RuleInput } from '../../../shared/rules';

/** A fresh install notifies on what an admin would want to hear about, and records the rest. */
export const embyPresets: RuleInput[] = [
  {
    id: 'preset:emby:display-message',
    name: 'Emby / Jellyfin: messages sent to Herald',
    kinds: ['emby'],
    types: ['emby.DisplayMessage'],
    // Every message is meant to be seen, even two identical ones in a row.
    key: '{{id}}',
    action: { type: 'notify' },
  },
  {
    id: 'preset:emby:server-restart',
    name: 'Emby / Jellyfin: server restarting or shutting down',
    kinds: ['emby'],
    types: ['emby.server.restarting', 'emby.server.shutting_down'],
    cooldown: '2m',
    action: { type: 'notify' },
  },
  {
    id: 'preset:emby:login-failed',
    name: 'Emby / Jellyfin: failed sign-in',
    kinds: ['emby'],
    types: ['emby.activity.login_failed', 'emby.activity.user_locked_out'],
    key: '{{sourceId}}|{{type}}|{{raw.Name}}',
    cooldown: '5m',
    action: { type: 'notify', urgency: 'normal' },
  },
  {
    id: 'preset:emby:playback-start',
    name: 'Emby / Jellyfin: playback started (history only)',
    kinds: ['emby'],
    types: ['emby.playback.start'],
    action: { type: 'record' },
  },
  {
    id: 'preset:emby:library-added',
    name: 'Emby / Jellyfin: new in the library',
    kinds: ['emby'],
    types: ['emby.library.added'],
    // Distinct keys, so a scan's burst reaches the coalescer and becomes one summary, not a dedup drop.
    key: '{{id}}',
    action: { type: 'notify', silent: true, urgency: 'low' },
  },
  {
    id: 'preset:emby:task-failed',
    name: 'Emby / Jellyfin: scheduled task failed',
    kinds: ['emby'],
    types: ['emby.task.failed'],
    cooldown: '30m',
    action: { type: 'notify' },
  },
];
