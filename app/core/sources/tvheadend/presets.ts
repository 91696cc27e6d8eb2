import type { RuleInput } from '../../../shared/rules';

/**
 * What a fresh install does with Tvheadend: tell the user when a recording fails (once per recording,
 * as early as the problem shows) or completes, and when the recording disk runs low; keep streaming starts
 * in the history without a popup (a household watching TV would otherwise get one per zap).
 */
export const tvheadendPresets: RuleInput[] = [
  {
    id: 'preset:tvheadend:recording-failed',
    name: 'Tvheadend: recording failed',
    kinds: ['tvheadend'],
    types: ['tvheadend.dvr.problem', 'tvheadend.dvr.failed'],
    // One key per recording: the early "problem" and the final "failed" of the same entry notify once.
    key: '{{sourceId}}|dvr-failed|{{entity.id}}',
    cooldown: '12h',
    action: { type: 'notify', urgency: 'normal' },
  },
  {
    id: 'preset:tvheadend:recording-completed',
    name: 'Tvheadend: recording completed',
    kinds: ['tvheadend'],
    types: ['tvheadend.dvr.completed'],
    action: { type: 'notify', urgency: 'low' },
  },
  {
    id: 'preset:tvheadend:disk-low',
    name: 'Tvheadend: recording disk low',
    kinds: ['tvheadend'],
    types: ['tvheadend.disk.low', 'tvheadend.disk.ok'],
    key: '{{sourceId}}|disk',
    // The adapter already applies the threshold and a margin (option diskLowGiB); this keeps one alert per
    // episode and says when it is over.
    hysteresis: {
      on: { field: 'data.low', op: 'eq', value: true },
      off: { field: 'data.low', op: 'eq', value: false },
      notifyResolved: true,
      resolvedTitle: 'Recording disk has space again',
      resolvedBody: '{{data.freeGiB}} GiB free',
    },
    action: { type: 'notify', urgency: 'normal' },
  },
  {
    id: 'preset:tvheadend:streaming',
    name: 'Tvheadend: someone is streaming (history only)',
    kinds: ['tvheadend'],
    types: ['tvheadend.subscription.start', 'tvheadend.subscription.stop'],
    action: { type: 'record' },
  },
];
