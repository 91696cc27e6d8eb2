import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CURRENT_TOPICS } from '../../../../app/core/sources/unraid/protocol';
import { currentAgent, seeded, session, sleep, until } from './setup';

describe('Unraid current agent (/api/v1/ws)', () => {
  it('subscribes on open, bootstraps over REST, and does both again after the agent restarts', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    expect(agent.subscriptions).toEqual([[...CURRENT_TOPICS]]);
    for (const path of [
      '/api/v1/settings/disk-thresholds',
      '/api/v1/system',
      '/api/v1/array',
      '/api/v1/disks',
      '/api/v1/docker',
      '/api/v1/ups',
    ]) {
      expect(agent.restRequests).toContain(path);
    }
    expect(h.eventsOf('unraid.system.stats').length).toBeGreaterThan(0);
    await agent.restart(50);
    await until(() => agent.connections >= 2, 8000, 'the reconnect');
    await seeded(agent, h, 2);
    expect(agent.subscriptions).toHaveLength(2);
    expect(agent.subscriptions[1]).toEqual([...CURRENT_TOPICS]);
    // A restart with nothing changed is not news.
    expect(h.events.filter((e) => !e.sample)).toEqual([]);
  });

  it('a container stopped by the user is an info "docker stop" with exit code 0', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    agent.world.stopContainer('plex', 0);
    const ev = await h.waitForEvent('unraid.docker.stop', 3000);
    expect(ev).toMatchObject({
      severity: 'info',
      entity: { name: 'plex', kind: 'container' },
      data: { exitCode: 0, expected: true },
    });
    expect(ev.title).toBe('plex stopped');
  });

  it('crashes, restarts between polls and unhealthy containers are warnings', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    agent.world.stopContainer('sonarr', 137);
    agent.world.crashAndRestart('radarr');
    agent.world.makeUnhealthy('nextcloud');
    const die = await h.waitForEvent('unraid.docker.die', 3000);
    expect(die).toMatchObject({ severity: 'warning', data: { exitCode: 137, expected: false } });
    expect(die.body).toMatch(/killed/);
    expect(await h.waitForEvent('unraid.docker.restart', 3000)).toMatchObject({
      entity: { name: 'radarr' },
      data: { restartCount: 1 },
    });
    expect(await h.waitForEvent('unraid.docker.unhealthy', 3000)).toMatchObject({
      entity: { name: 'nextcloud' },
      severity: 'warning',
    });
    await sleep(400);
    expect(h.eventsOf('unraid.docker.*')).toHaveLength(3);
  });

  it('stopping the array gives one "array stopped", not a stop per container', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    agent.world.stopArray();
    await h.waitForEvent('unraid.array.stopped', 3000);
    await sleep(700); // several container polls and the hold window go by
    expect(h.events.filter((e) => !e.sample).map((e) => e.type)).toEqual(['unraid.array.stopped']);
  });

  it('passes Unraid notifications through once, also across a reconnect and its bootstrap', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    const note = agent.world.raiseNotification({
      event: 'Unraid array errors',
      subject: 'Alert [TOWER] - array has errors',
      importance: 'alert',
    });
    const ev = await h.waitForEvent('unraid.notification', 3000);
    expect(ev).toMatchObject({
      severity: 'critical',
      title: 'Alert [TOWER] - array has errors',
      entity: { id: note.id },
    });
    await agent.restart(50);
    await until(() => agent.connections >= 2, 8000, 'the reconnect');
    await seeded(agent, h, 2);
    expect(h.eventsOf('unraid.notification')).toHaveLength(1);
    agent.world.raiseNotification({
      event: 'Unraid Status',
      subject: 'Notice [TOWER] - all fine',
      importance: 'normal',
    });
    await h.waitFor(() => h.eventsOf('unraid.notification').length === 2, 3000, 'the second notification');
    expect(h.eventsOf('unraid.notification')[1]!.severity).toBe('info');
  });

  it('disk heat, UPS on battery / back on line and a parity result with errors', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    agent.world.heatDisk('disk1', 50);
    await h.waitFor(
      () => h.eventsOf('unraid.disk.temperature').some((e) => e.data?.temperature === 50),
      3000,
      'a hot disk1',
    );
    const hot = h.eventsOf('unraid.disk.temperature').find((e) => e.data?.temperature === 50)!;
    expect(hot).toMatchObject({
      severity: 'warning',
      sample: true,
      data: { warningCelsius: 45, aboveWarning: 5 },
    });
    // disk2 is spun down (0 °C): never a temperature sample
    expect(h.eventsOf('unraid.disk.temperature').some((e) => e.entity?.name === 'disk2')).toBe(false);
    agent.world.upsOnBattery(80);
    expect(await h.waitForEvent('unraid.ups.on-battery', 3000)).toMatchObject({ severity: 'warning' });
    agent.world.upsOnline();
    expect(await h.waitForEvent('unraid.ups.online', 3000)).toMatchObject({ severity: 'info' });
    agent.world.startParityCheck();
    await h.waitForEvent('unraid.parity.started', 3000);
    agent.world.finishParityCheck(2);
    const parity = await h.waitForEvent('unraid.parity.finished', 3000);
    expect(parity).toMatchObject({ severity: 'warning', data: { errors: 2 } });
  });

  it('sends the Bearer token; a wrong one is auth-failed without a retry storm', async () => {
    const good = await currentAgent({ token: 's3cret' });
    const ok = session(good.url, { flavour: 'current' }, { token: 's3cret' });
    await seeded(good, ok);
    expect(ok.eventsOf('unraid.system.stats').length).toBeGreaterThan(0);

    const agent = await currentAgent({ token: 's3cret' });
    const h = session(agent.url, { flavour: 'auto' }, { token: 'wrong' });
    const status = await h.waitForState('auth-failed', 5000);
    expect(status.lastError).toBeTruthy();
    await sleep(1500);
    expect(agent.unauthorized).toBe(1);
    expect(agent.connections).toBe(0);
    expect(JSON.stringify(h.statuses)).not.toContain('wrong');
  });

  it('answers server pings and stays connected; a client that does not is evicted', async () => {
    const agent = await currentAgent({ pingIntervalMs: 100, pongTimeoutMs: 1000 });
    const h = session(agent.url, { flavour: 'current' });
    await seeded(agent, h);
    const raw = new WebSocket(`ws://127.0.0.1:${agent.port}/api/v1/ws`, { autoPong: false });
    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    raw.on('error', () => {});
    const code = await Promise.race([closed, sleep(6000).then(() => -1)]);
    raw.terminate();
    expect(code).toBe(1006); // dropped without a close frame, like an expired read deadline
    expect(agent.evictions).toBe(1);
    await sleep(500);
    expect(agent.connections).toBe(2); // the session's one socket plus the raw client
    expect(h.status().state).toBe('open');
  });

  it('understands agents that label every frame "update"', async () => {
    const agent = await currentAgent({ envelope: 'update' });
    const h = session(agent.url, { flavour: 'current', bootstrap: false });
    await h.waitForEvent('unraid.system.stats', 3000);
    await sleep(300);
    agent.world.stopContainer('plex', 1);
    expect(await h.waitForEvent('unraid.docker.die', 3000)).toMatchObject({ data: { exitCode: 1 } });
  });
});
