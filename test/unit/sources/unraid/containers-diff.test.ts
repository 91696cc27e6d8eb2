import { describe, expect, it } from 'vitest';
import { diffContainers } from '../../../../app/core/sources/unraid/containers-diff';
import {
  describeExit,
  isExpectedExit,
  parseDockerStatus,
} from '../../../../app/core/sources/unraid/docker-status';
import type { ContainerInfo } from '../../../../app/core/sources/unraid/protocol';

const c = (name: string, state: string, status: string, restart_count?: number): ContainerInfo => ({
  id: `${name}-id`,
  name,
  image: `${name}:latest`,
  state,
  status,
  restart_count,
});

describe('parseDockerStatus', () => {
  it('reads exit codes, health and restarting from Docker status text', () => {
    expect(parseDockerStatus('Exited (137) 5 minutes ago')).toMatchObject({
      exitCode: 137,
      restarting: false,
    });
    expect(parseDockerStatus('Exited (0) 2 seconds ago').exitCode).toBe(0);
    expect(parseDockerStatus('Exited (-1) 1 hour ago').exitCode).toBe(-1);
    expect(parseDockerStatus('Up 2 hours (unhealthy)')).toMatchObject({
      health: 'unhealthy',
      exitCode: undefined,
    });
    expect(parseDockerStatus('Up 2 days (healthy)').health).toBe('healthy');
    expect(parseDockerStatus('Up 5 seconds (health: starting)').health).toBe('starting');
    expect(parseDockerStatus('Restarting (1) 4 seconds ago')).toMatchObject({
      exitCode: 1,
      restarting: true,
    });
    expect(parseDockerStatus('Up 5 minutes (Paused)').paused).toBe(true);
    expect(parseDockerStatus('Created')).toEqual({
      exitCode: undefined,
      health: undefined,
      restarting: false,
      paused: false,
    });
    expect(parseDockerStatus('')).toMatchObject({ exitCode: undefined, health: undefined });
  });

  it('treats 0 and 143 (SIGTERM) as deliberate, anything else as a crash, and names 137', () => {
    expect(isExpectedExit(0)).toBe(true);
    expect(isExpectedExit(143)).toBe(true);
    expect(isExpectedExit(1)).toBe(false);
    expect(isExpectedExit(137)).toBe(false);
    expect(describeExit(137)).toMatch(/killed.*137/);
    expect(describeExit(2)).toBe('exited with code 2');
  });
});

describe('diffContainers', () => {
  it('seeds silently on the first snapshot', () => {
    const r = diffContainers(undefined, [c('plex', 'running', 'Up 2 days')]);
    expect(r.changes).toEqual([]);
    expect(r.memory.get('plex')?.state).toBe('running');
  });

  it('reports a clean stop as an expected stop and a crash as die with its exit code', () => {
    const first = diffContainers(undefined, [
      c('plex', 'running', 'Up 2 days'),
      c('sonarr', 'running', 'Up 1 hour'),
      c('x', 'running', 'Up'),
    ]);
    const r = diffContainers(first.memory, [
      c('plex', 'exited', 'Exited (0) 3 seconds ago'),
      c('sonarr', 'exited', 'Exited (137) 2 seconds ago'),
      c('x', 'running', 'Up'),
    ]);
    expect(r.changes).toEqual([
      expect.objectContaining({ kind: 'stop', name: 'plex', exitCode: 0, expected: true }),
      expect.objectContaining({ kind: 'die', name: 'sonarr', exitCode: 137, expected: false }),
    ]);
    expect(r.bulkStop).toBe(false);
  });

  it('a dead container is never expected', () => {
    const first = diffContainers(undefined, [c('a', 'running', 'Up')]);
    const r = diffContainers(first.memory, [c('a', 'dead', 'Dead')]);
    expect(r.changes[0]).toMatchObject({ kind: 'die', expected: false });
  });

  it('catches a crash-and-restart between polls from restart_count, once', () => {
    const first = diffContainers(undefined, [c('app', 'running', 'Up 1 hour', 2)]);
    const second = diffContainers(first.memory, [c('app', 'running', 'Up 3 seconds', 3)]);
    expect(second.changes).toEqual([
      expect.objectContaining({ kind: 'restart', restartCount: 3, expected: false }),
    ]);
    const third = diffContainers(second.memory, [c('app', 'running', 'Up 33 seconds', 3)]);
    expect(third.changes).toEqual([]);
  });

  it('reports Restarting (n) once, not again when the count rises as it comes back', () => {
    const first = diffContainers(undefined, [c('app', 'running', 'Up 1 hour', 0)]);
    // restart_count is only filled for running containers, so it reads 0 while restarting
    const restarting = diffContainers(first.memory, [
      c('app', 'restarting', 'Restarting (1) 4 seconds ago', 0),
    ]);
    expect(restarting.changes).toEqual([expect.objectContaining({ kind: 'restart', exitCode: 1 })]);
    const back = diffContainers(restarting.memory, [c('app', 'running', 'Up 2 seconds', 1)]);
    expect(back.changes).toEqual([]);
    const later = diffContainers(back.memory, [c('app', 'running', 'Up 40 seconds', 2)]);
    expect(later.changes).toEqual([expect.objectContaining({ kind: 'restart', restartCount: 2 })]);
  });

  it('reports health turning unhealthy and recovering, but not unhealthy twice', () => {
    const first = diffContainers(undefined, [c('nc', 'running', 'Up 3 hours (healthy)')]);
    const sick = diffContainers(first.memory, [c('nc', 'running', 'Up 3 hours (unhealthy)')]);
    expect(sick.changes).toEqual([expect.objectContaining({ kind: 'unhealthy' })]);
    const still = diffContainers(sick.memory, [c('nc', 'running', 'Up 3 hours (unhealthy)')]);
    expect(still.changes).toEqual([]);
    const well = diffContainers(still.memory, [c('nc', 'running', 'Up 3 hours (healthy)')]);
    expect(well.changes).toEqual([expect.objectContaining({ kind: 'healthy' })]);
  });

  it('reports starts and removals, and flags every running container stopping at once', () => {
    const first = diffContainers(undefined, [
      c('a', 'running', 'Up'),
      c('b', 'running', 'Up'),
      c('c', 'exited', 'Exited (0) 1 day ago'),
    ]);
    const started = diffContainers(first.memory, [
      c('a', 'running', 'Up'),
      c('b', 'running', 'Up'),
      c('c', 'running', 'Up 1 second'),
    ]);
    expect(started.changes).toEqual([expect.objectContaining({ kind: 'start', name: 'c' })]);
    const removed = diffContainers(started.memory, [c('a', 'running', 'Up'), c('b', 'running', 'Up')]);
    expect(removed.changes).toEqual([expect.objectContaining({ kind: 'removed', name: 'c' })]);
    const all = diffContainers(removed.memory, [
      c('a', 'exited', 'Exited (0) 1 second ago'),
      c('b', 'exited', 'Exited (143) 1 second ago'),
    ]);
    expect(all.bulkStop).toBe(true);
  });
});
