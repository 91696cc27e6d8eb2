import { describe, expect, it } from 'vitest';
import { legacyAgent, currentAgent, session, sleep, until } from './setup';

describe('Unraid legacy UMA (per-topic sockets)', () => {
  it('drives the Docker events socket and keeps the stats and storage sockets beside it', async () => {
    const agent = await legacyAgent();
    const h = session(agent.url, { flavour: 'legacy' });
    await h.waitForState('open');
    await until(
      () => agent.open('stats') === 1 && agent.open('storage') === 1 && agent.open('docker') === 1,
      5000,
      'three sockets',
    );
    const stats = await h.waitForEvent('unraid.system.stats', 3000);
    expect(stats.sample).toBe(true);
    await h.waitForEvent('unraid.disk.temperature', 3000);
    agent.world.stopContainer('plex', 0);
    const stop = await h.waitForEvent('unraid.docker.stop', 3000);
    expect(stop).toMatchObject({ severity: 'info', entity: { name: 'plex' }, data: { expected: true } });
    agent.world.stopContainer('sonarr', 137);
    await h.waitFor(
      () => h.eventsOf('unraid.docker.die').some((e) => e.entity?.name === 'sonarr'),
      3000,
      'sonarr die',
    );
    const die = h.eventsOf('unraid.docker.die').find((e) => e.entity?.name === 'sonarr')!;
    expect(die).toMatchObject({
      severity: 'warning',
      title: 'sonarr stopped unexpectedly',
      data: { exitCode: 137, expected: false },
    });
    agent.world.makeUnhealthy('nextcloud');
    expect(await h.waitForEvent('unraid.docker.unhealthy', 3000)).toMatchObject({
      entity: { name: 'nextcloud' },
    });
  });

  it('stopping the array swallows the Docker events of every container', async () => {
    const agent = await legacyAgent();
    const h = session(agent.url, { flavour: 'legacy', containerHold: 300 });
    await h.waitForEvent('unraid.disk.temperature', 3000);
    await until(() => agent.open('docker') === 1 && agent.open('storage') === 1, 3000, 'sockets');
    agent.world.stopArray();
    await h.waitForEvent('unraid.array.stopped', 3000);
    await sleep(600);
    expect(h.events.filter((e) => !e.sample).map((e) => e.type)).toEqual(['unraid.array.stopped']);
  });

  it('reopens its topic sockets after an agent restart and leaves none behind when stopped', async () => {
    const agent = await legacyAgent();
    const h = session(agent.url, { flavour: 'legacy' });
    await until(() => agent.open('stats') === 1 && agent.open('storage') === 1, 5000, 'topic sockets');
    await agent.restart(50);
    await until(() => agent.connections.docker >= 2, 8000, 'the main socket to reconnect');
    await until(
      () => agent.connections.stats >= 2 && agent.connections.storage >= 2,
      5000,
      'topic sockets again',
    );
    await sleep(300);
    expect([agent.open('docker'), agent.open('stats'), agent.open('storage')]).toEqual([1, 1, 1]);
    const before = h.eventsOf('unraid.system.stats').length;
    await h.waitFor(() => h.eventsOf('unraid.system.stats').length > before, 3000, 'stats after the restart');
    await h.stop();
    await until(
      () => agent.open('docker') + agent.open('stats') + agent.open('storage') === 0,
      3000,
      'every socket closed',
    );
  });
});

describe('Unraid flavour detection (auto)', () => {
  it('finds the current agent at once', async () => {
    const agent = await currentAgent();
    const h = session(agent.url, { flavour: 'auto' });
    await h.waitForState('open');
    await until(() => agent.subscriptions.length === 1, 3000, 'a subscribe');
    expect(agent.restRequests).not.toContain('/api/v1/health');
  });

  it('falls back to the legacy agent when /api/v1/ws does not open and /api/v1/health says "uma"', async () => {
    const agent = await legacyAgent();
    const h = session(agent.url, { flavour: 'auto' });
    await h.waitForEvent('unraid.system.stats', 8000);
    expect(agent.connections.docker).toBe(1);
    await until(() => agent.open('stats') === 1, 3000, 'the stats socket');
  });
});
