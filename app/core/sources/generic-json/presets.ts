import type { RuleInput } from '../../../shared/rules';

/** A generic server's messages mean nothing to Herald yet; only its own severity words can guide a default. */
export const genericJsonPresets: RuleInput[] = [
  {
    id: 'preset:generic-json:critical',
    name: 'JSON WebSocket: critical messages',
    conditions: [{ field: 'severity', op: 'eq', value: 'critical' }],
    action: { type: 'notify' },
  },
  {
    id: 'preset:generic-json:warning',
    name: 'JSON WebSocket: warnings',
    conditions: [{ field: 'severity', op: 'eq', value: 'warning' }],
    cooldown: '1m',
    action: { type: 'notify' },
  },
];
