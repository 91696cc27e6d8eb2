import type { RuleInput } from '../../../shared/rules';

/**
 * What a fresh install does with an Unraid server. Order matters (the first matching rule decides),
 * and every preset can be switched off or replaced by a user rule with the same id.
 */
export const unraidPresets: RuleInput[] = [
  {
    id: 'preset:unraid:cpu-high',
    name: 'Unraid: CPU above 90 % for 5 minutes',
    kinds: ['unraid'],
    types: ['unraid.system.stats'],
    // Only the CPU sample: the memory sample must stay free for the next preset.
    conditions: [{ field: 'data.cpuPercent', op: 'exists' }],
    for: '5m',
    hysteresis: {
      on: { field: 'data.cpuPercent', op: 'gt', value: 90 },
      off: { field: 'data.cpuPercent', op: 'lt', value: 80 },
      notifyResolved: true,
      resolvedTitle: '{{data.hostname}}: CPU back to normal',
      resolvedBody: 'CPU is at {{data.cpuPercent}} %',
    },
    action: {
      type: 'notify',
      title: '{{data.hostname}}: CPU above 90 % for 5 minutes',
      body: 'CPU is at {{data.cpuPercent}} %',
    },
  },
  {
    id: 'preset:unraid:memory-high',
    name: 'Unraid: memory above 90 % for 5 minutes',
    kinds: ['unraid'],
    types: ['unraid.system.stats'],
    conditions: [{ field: 'data.memoryPercent', op: 'exists' }],
    for: '5m',
    hysteresis: {
      on: { field: 'data.memoryPercent', op: 'gt', value: 90 },
      off: { field: 'data.memoryPercent', op: 'lt', value: 80 },
      notifyResolved: true,
      resolvedTitle: '{{data.hostname}}: memory back to normal',
      resolvedBody: 'Memory use is at {{data.memoryPercent}} %',
    },
    action: {
      type: 'notify',
      title: '{{data.hostname}}: memory above 90 % for 5 minutes',
      body: 'Memory use is at {{data.memoryPercent}} %',
    },
  },
  {
    // One rule for warning and critical: a second rule on the same events would never be reached.
    // The notification takes the event's severity, so a disk over its critical limit is urgent.
    id: 'preset:unraid:disk-hot',
    name: "Unraid: disk over its temperature limit (Unraid's own thresholds)",
    kinds: ['unraid'],
    types: ['unraid.disk.temperature'],
    hysteresis: {
      on: { field: 'data.aboveWarning', op: 'gte', value: 0 },
      off: { field: 'data.aboveWarning', op: 'lte', value: -5 },
      notifyResolved: true,
      resolvedTitle: '{{entity.name}} cooled down',
      resolvedBody: 'now {{data.temperature}} °C (warning at {{data.warningCelsius}} °C)',
    },
    action: {
      type: 'notify',
      title: '{{entity.name}} is hot: {{data.temperature}} °C',
      body: 'warning at {{data.warningCelsius}} °C, critical at {{data.criticalCelsius}} °C',
    },
  },
  {
    id: 'preset:unraid:container-crashed',
    name: 'Unraid: container stopped unexpectedly',
    kinds: ['unraid'],
    types: ['unraid.docker.*'],
    conditions: [{ field: 'data.expected', op: 'eq', value: false }],
    action: { type: 'notify' },
  },
  {
    // The issue asked for "Docker stop" first of all, so a deliberate stop still shows, quietly.
    id: 'preset:unraid:container-stopped',
    name: 'Unraid: container stopped by a user',
    kinds: ['unraid'],
    types: ['unraid.docker.stop'],
    conditions: [{ field: 'data.expected', op: 'eq', value: true }],
    action: { type: 'notify', urgency: 'low', silent: true },
  },
  {
    id: 'preset:unraid:container-unhealthy',
    name: 'Unraid: container unhealthy',
    kinds: ['unraid'],
    types: ['unraid.docker.unhealthy'],
    cooldown: '30m',
    action: { type: 'notify' },
  },
  {
    id: 'preset:unraid:docker-service',
    name: 'Unraid: Docker service stopped',
    kinds: ['unraid'],
    types: ['unraid.docker-service.stopped'],
    action: { type: 'notify' },
  },
  {
    id: 'preset:unraid:array',
    name: 'Unraid: array started, stopped or in trouble',
    kinds: ['unraid'],
    types: ['unraid.array.*'],
    action: { type: 'notify' },
  },
  {
    id: 'preset:unraid:parity',
    name: 'Unraid: parity check finished',
    kinds: ['unraid'],
    types: ['unraid.parity.finished'],
    action: { type: 'notify' },
  },
  {
    id: 'preset:unraid:disk-problem',
    name: 'Unraid: disk disabled, failing or with new errors',
    kinds: ['unraid'],
    types: ['unraid.disk.status', 'unraid.disk.errors', 'unraid.disk.smart', 'unraid.disk.sectors'],
    action: { type: 'notify' },
  },
  {
    id: 'preset:unraid:ups',
    name: 'Unraid: UPS on battery / back on line',
    kinds: ['unraid'],
    types: ['unraid.ups.*'],
    action: { type: 'notify' },
  },
  {
    id: 'preset:unraid:vm-crashed',
    name: 'Unraid: VM crashed',
    kinds: ['unraid'],
    types: ['unraid.vm.crashed'],
    action: { type: 'notify' },
  },
  {
    // Unraid raises its own parity and disk-temperature notices; the presets above already cover
    // them with more detail, so the copies are kept in history without a second toast.
    id: 'preset:unraid:notification-duplicates',
    name: 'Unraid: keep Unraid parity / temperature notices in history only',
    kinds: ['unraid'],
    types: ['unraid.notification'],
    conditions: [{ field: 'data.title', op: 'regex', value: 'parity|temperature', flags: 'i' }],
    action: { type: 'record' },
  },
  {
    id: 'preset:unraid:notifications',
    name: "Unraid: pass Unraid's own notifications through",
    kinds: ['unraid'],
    types: ['unraid.notification'],
    action: { type: 'notify' },
  },
];
