import { decodeJson } from '../../../../app/core/engine/decode-json';
import { describe, expect, it } from 'vitest';
import { SourceEventSchema } from '../../../../app/core/sources/source-event';
import { dispatchTopic, identifyTopic } from '../../../../app/core/sources/unraid/dispatch';
import { handleLegacyFrame } from '../../../../app/core/sources/unraid/legacy';
import { legacyDockerEvent } from '../../../../app/core/sources/unraid/normalise';
import {
  DiskThresholdsSchema,
  LegacyDockerEventSchema,
  parseTime,
} from '../../../../app/core/sources/unraid/protocol';
import { frameText, makeRig, sample } from './helpers';

const feed = (rig: ReturnType<typeof makeRig>, id: string) => {
  const s = sample(id);
  const topic = identifyTopic(s.event as string, s.data);
  expect(topic).toBeDefined();
  expect(dispatchTopic(topic!, s.data, parseTime(s.timestamp as string, 0), s, rig.sinks)).toBe(true);
};

describe('current agent frames', () => {
  it('system_update becomes CPU and memory samples', () => {
    const rig = makeRig();
    feed(rig, 'uma-current-system_update');
    expect(rig.events).toHaveLength(2);
    const [cpu, mem] = rig.events;
    expect(cpu).toMatchObject({
      type: 'unraid.system.stats',
      sample: true,
      entity: { id: 'cpu' },
      data: { cpuPercent: 45.2 },
    });
    expect(mem).toMatchObject({ entity: { id: 'memory' }, data: { memoryPercent: 65.5 } });
    expect(mem!.data!.cpuPercent).toBeUndefined();
    expect(cpu!.time).toBe(Date.parse('2026-08-20T14:02:59.850+10:00'));
    for (const e of rig.events) expect(SourceEventSchema.safeParse(e).success).toBe(true);
  });

  it('recognises the old "update" envelope by the shape of data', () => {
    const s = sample('uma-legacy-pre-2026.03-update-envelope');
    expect(identifyTopic('update', s.data)).toBe('system_update');
    expect(identifyTopic('update', sample('uma-current-disk_list_update').data)).toBe('disk_list_update');
    expect(identifyTopic('update', sample('uma-current-container_list_update').data)).toBe(
      'container_list_update',
    );
    expect(identifyTopic('update', sample('uma-current-vm_list_update').data)).toBe('vm_list_update');
    expect(identifyTopic('update', sample('uma-current-array_status_update-stopped').data)).toBe(
      'array_status_update',
    );
    expect(identifyTopic('update', sample('uma-current-notifications_update').data)).toBe(
      'notifications_update',
    );
    expect(identifyTopic('update', sample('uma-current-ups_status_update-nut-ob').data)).toBe(
      'ups_status_update',
    );
    expect(identifyTopic('update', sample('uma-current-source_status_changed').data)).toBe(
      'source_status_changed',
    );
    // collector changes arrive as "update" and an empty list is ambiguous: both are ignored
    expect(
      identifyTopic('update', sample('uma-current-collector_state_change-as-update').data),
    ).toBeUndefined();
    expect(identifyTopic('update', [])).toBeUndefined();
    const rig = makeRig();
    feed(rig, 'uma-legacy-pre-2026.03-update-envelope');
    expect(rig.events.map((e) => e.data?.cpuPercent ?? e.data?.memoryPercent)).toContain(12.5);
  });

  it('array: STARTED → STOPPED is one event; parity running → idle fetches the result', async () => {
    const rig = makeRig({
      parity: { action: 'Parity-Check', errors: 3, status: '3', duration_seconds: 3600 },
    });
    feed(rig, 'uma-current-array_status_update-parity-running');
    expect(rig.events).toEqual([]);
    feed(rig, 'uma-current-array_status_update-started-idle');
    await new Promise((r) => setImmediate(r));
    expect(rig.events).toEqual([
      expect.objectContaining({
        type: 'unraid.parity.finished',
        severity: 'warning',
        data: expect.objectContaining({ errors: 3 }),
      }),
    ]);
    expect(rig.events[0]!.title).toBe('Parity-Check finished (3 errors)');
    feed(rig, 'uma-current-array_status_update-stopped');
    expect(rig.types()).toEqual(['unraid.parity.finished', 'unraid.array.stopped']);
    expect(rig.tracker.arraySuppression()).toMatch(/stopped/);
  });

  it('disks: temperature samples against per-disk then global limits; spun-down disks are silent', () => {
    const rig = makeRig();
    rig.tracker.setThresholds(DiskThresholdsSchema.parse(sample('uma-rest-settings-disk-thresholds')));
    feed(rig, 'uma-current-disk_list_update');
    const temps = rig.events.filter((e) => e.type === 'unraid.disk.temperature');
    // disk4 reads 0 °C in standby: no sample at all
    expect(temps.map((e) => e.entity?.name)).toEqual(['disk3', 'disk2']);
    expect(temps[0]).toMatchObject({
      severity: 'warning',
      sample: true,
      data: { temperature: 55, warningCelsius: 50, criticalCelsius: 60, aboveWarning: 5 },
    });
    // disk2 has no per-disk limits: global HDD 45/55
    expect(temps[1]).toMatchObject({ severity: 'info', data: { warningCelsius: 45, aboveWarning: -7 } });
  });

  it('disks: errors rising, a disk leaving DISK_OK and SMART failing are transitions', () => {
    const rig = makeRig();
    const s = sample('uma-current-disk_list_update');
    const disks = s.data as Array<Record<string, unknown>>;
    dispatchTopic('disk_list_update', disks, 1, s, rig.sinks);
    rig.events.length = 0;
    disks[0]!.status = 'DISK_DSBL';
    disks[1]!.smart_errors = 130;
    disks[2]!.smart_status = 'UNKNOWN';
    dispatchTopic('disk_list_update', disks, 2, s, rig.sinks);
    const changes = rig.events.filter((e) => !e.sample);
    expect(changes.map((e) => [e.type, e.entity?.name, e.severity])).toEqual([
      ['unraid.disk.status', 'disk3', 'critical'],
      ['unraid.disk.errors', 'disk2', 'warning'],
    ]);
    expect(changes[1]!.data).toMatchObject({ errors: 130, previous: 128, increase: 2 });
  });

  it('containers: the recorded list seeds; [] afterwards means Docker is down, not 4 stops', () => {
    const rig = makeRig();
    feed(rig, 'uma-current-container_list_update');
    feed(rig, 'uma-current-container_list_update-docker-unreachable');
    expect(rig.types()).toEqual(['unraid.docker-service.stopped']);
  });

  it('UPS: on battery from apcupsd and NUT wording, back on line', () => {
    const rig = makeRig();
    dispatchTopic('ups_status_update', { connected: true, status: 'ONLINE' }, 1, {}, rig.sinks);
    feed(rig, 'uma-current-ups_status_update-apcupsd-onbatt');
    dispatchTopic('ups_status_update', { connected: true, status: 'OL CHRG' }, 3, {}, rig.sinks);
    feed(rig, 'uma-current-ups_status_update-nut-ob');
    dispatchTopic(
      'ups_status_update',
      { connected: true, status: 'OB LB', battery_charge_percent: 9 },
      5,
      {},
      rig.sinks,
    );
    expect(rig.types()).toEqual([
      'unraid.ups.on-battery',
      'unraid.ups.online',
      'unraid.ups.on-battery',
      'unraid.ups.low-battery',
    ]);
    expect(rig.events[0]!.body).toBe('battery 97 %, 45 min left');
  });

  it('notifications: first list seeds, new unread ids fire once with mapped severity', () => {
    const rig = makeRig();
    const s = sample('uma-current-notifications_update');
    feed(rig, 'uma-current-notifications_update');
    expect(rig.events).toEqual([]);
    const data = s.data as { notifications: Array<Record<string, unknown>> };
    const alert = {
      id: 'Unraid_Array_1787300000.notify',
      title: 'Unraid array errors',
      subject: 'Alert [TOWER] - array has errors',
      description: 'Array has 1 disk with read errors',
      importance: 'alert',
      timestamp: '2026-08-21T08:00:00Z',
    };
    data.notifications.unshift({ ...alert, type: 'unread' }, { ...alert, type: 'archive' });
    dispatchTopic('notifications_update', data, 10, s, rig.sinks);
    dispatchTopic('notifications_update', data, 11, s, rig.sinks);
    expect(rig.events).toHaveLength(1);
    expect(rig.events[0]).toMatchObject({
      type: 'unraid.notification',
      severity: 'critical',
      title: 'Alert [TOWER] - array has errors',
      id: 'tower|unraid.notification|Unraid_Array_1787300000.notify',
      time: Date.parse('2026-08-21T08:00:00Z'),
    });
  });

  it('VMs: running → crashed is critical', () => {
    const rig = makeRig();
    dispatchTopic('vm_list_update', [{ id: '2', name: 'HomeAssistant', state: 'running' }], 1, {}, rig.sinks);
    feed(rig, 'uma-current-vm_list_update');
    expect(rig.events).toEqual([
      expect.objectContaining({ type: 'unraid.vm.crashed', severity: 'critical' }),
    ]);
  });

  it('malformed payloads are reported, not thrown', () => {
    const rig = makeRig();
    expect(dispatchTopic('array_status_update', 'nonsense', 1, {}, rig.sinks)).toBe(false);
    expect(dispatchTopic('container_list_update', { not: 'a list' }, 1, {}, rig.sinks)).toBe(false);
    expect(dispatchTopic('gpu_metrics_update', [], 1, {}, rig.sinks)).toBe(true);
  });
});

describe('legacy agent frames', () => {
  it('docker_event start/stop/die map to unraid.docker.<action> with exit code and expected', () => {
    const ev = LegacyDockerEventSchema.parse(sample('legacy-domalab-uma-docs-docker_event').data);
    expect(legacyDockerEvent('tower', ev, 5, {})).toMatchObject({
      type: 'unraid.docker.start',
      entity: { name: 'plex' },
    });
    const stop = legacyDockerEvent('tower', { ...ev, action: 'stop', attributes: { exitCode: '0' } }, 5, {});
    expect(stop).toMatchObject({
      type: 'unraid.docker.stop',
      severity: 'info',
      data: { exitCode: 0, expected: true },
    });
    const die = legacyDockerEvent('tower', { ...ev, action: 'die', attributes: { exitCode: '139' } }, 5, {});
    expect(die).toMatchObject({
      type: 'unraid.docker.die',
      severity: 'warning',
      data: { exitCode: 139, expected: false },
    });
    expect(die!.title).toBe('plex stopped unexpectedly');
    const oom = legacyDockerEvent('tower', { ...ev, action: 'oom' }, 5, {});
    expect(oom).toMatchObject({ type: 'unraid.docker.oom', data: { expected: false } });
    const sick = legacyDockerEvent('tower', { ...ev, action: 'health_status: unhealthy' }, 5, {});
    expect(sick).toMatchObject({ type: 'unraid.docker.unhealthy', severity: 'warning' });
    expect(legacyDockerEvent('tower', { ...ev, action: 'exec_create' }, 5, {})).toBeUndefined();
  });

  it('stats, the code-shaped system_stats and storage_status feed the same state', () => {
    const rig = makeRig();
    handleLegacyFrame(decodeJson(frameText('legacy-domalab-uma-docs-stats')), 0, rig.sinks);
    handleLegacyFrame(decodeJson(frameText('legacy-domalab-uma-code-system_stats')), 0, rig.sinks);
    expect(rig.events.map((e) => e.data?.cpuPercent ?? e.data?.memoryPercent)).toEqual([
      15.2, 45.8, 15.2, 50,
    ]);
    rig.events.length = 0;
    handleLegacyFrame(decodeJson(frameText('legacy-domalab-uma-docs-storage_status')), 0, rig.sinks);
    expect(rig.events.map((e) => [e.type, e.entity?.name, e.data?.warningCelsius])).toEqual([
      ['unraid.disk.temperature', 'disk1', 45],
      ['unraid.disk.temperature', 'cache', 60],
    ]);
    const stopped = JSON.parse(frameText('legacy-domalab-uma-docs-storage_status')) as {
      data: Record<string, unknown>;
    };
    stopped.data.array_status = 'stopped';
    handleLegacyFrame(stopped, 0, rig.sinks);
    expect(rig.types()).toContain('unraid.array.stopped');
  });

  it('bad legacy frames throw a clear error (the socket counts a bad frame)', () => {
    const rig = makeRig();
    expect(() => handleLegacyFrame(decodeJson('{nope'), 0, rig.sinks)).toThrow(/not JSON/);
    expect(() => handleLegacyFrame(decodeJson('{"hello":1}'), 0, rig.sinks)).toThrow(/no "type"/);
    expect(() => handleLegacyFrame(decodeJson('{"type":"docker_event","data":{}}'), 0, rig.sinks)).toThrow(
      /malformed docker_event/,
    );
    expect(() => handleLegacyFrame(decodeJson('{"type":"subscription_ack"}'), 0, rig.sinks)).not.toThrow();
  });
});
