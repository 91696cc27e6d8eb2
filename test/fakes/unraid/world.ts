import { EventEmitter } from 'node:events';

/**
 * The state of one pretend Unraid server, shared by both fake agents. Scenario methods change it
 * and announce which topic changed (`change`) and, for the legacy agent, the Docker events a real
 * daemon would have raised (`docker`).
 */

export type Topic =
  | 'system_update'
  | 'array_status_update'
  | 'disk_list_update'
  | 'container_list_update'
  | 'vm_list_update'
  | 'ups_status_update'
  | 'notifications_update'
  | 'source_status_changed';

export interface FakeContainer {
  id: string;
  name: string;
  image: string;
  state: string;
  status: string;
  restart_count: number;
}

export interface FakeDisk {
  id: string;
  name: string;
  device: string;
  role: string;
  status: string;
  temperature_celsius: number;
  spin_state: string;
  smart_status: string;
  smart_errors: number;
  temp_warning_celsius?: number;
  temp_critical_celsius?: number;
}

export interface FakeNotification {
  id: string;
  title: string;
  subject: string;
  description: string;
  importance: 'normal' | 'warning' | 'alert';
  link: string;
  timestamp: string;
}

export interface LegacyDockerEvent {
  action: string;
  container_id: string;
  container_name: string;
  image: string;
  status: string;
  attributes: Record<string, string>;
}

const hex = (n: number) => n.toString(16).padStart(12, 'a').slice(0, 12);

export class UnraidWorld extends EventEmitter<{
  change: [topic: Topic];
  docker: [event: LegacyDockerEvent];
}> {
  hostname = 'tower';
  cpuPercent = 12.5;
  memoryPercent = 41.2;
  arrayState = 'STARTED';
  parityStatus = '';
  parityHistory: Array<{
    action: string;
    date: string;
    duration_seconds: number;
    status: string;
    errors: number;
  }> = [
    {
      action: 'Parity-Check',
      date: '2026-08-01T03:00:00Z',
      duration_seconds: 68_000,
      status: 'OK',
      errors: 0,
    },
  ];
  dockerRunning = true;
  ups = {
    connected: true,
    status: 'ONLINE',
    battery_charge_percent: 100,
    runtime_left_seconds: 3600,
    model: 'Back-UPS 1500',
  };
  thresholds = {
    hdd_temp_warning_celsius: 45,
    hdd_temp_critical_celsius: 55,
    ssd_temp_warning_celsius: 60,
    ssd_temp_critical_celsius: 70,
  };
  containers: FakeContainer[];
  disks: FakeDisk[] = [
    {
      id: 'WDC_1',
      name: 'disk1',
      device: 'sdb',
      role: 'data',
      status: 'DISK_OK',
      temperature_celsius: 36,
      spin_state: 'active',
      smart_status: 'PASSED',
      smart_errors: 0,
    },
    {
      id: 'WDC_2',
      name: 'disk2',
      device: 'sdc',
      role: 'data',
      status: 'DISK_OK',
      temperature_celsius: 0,
      spin_state: 'standby',
      smart_status: 'UNKNOWN',
      smart_errors: 0,
    },
    {
      id: 'NVME_1',
      name: 'cache',
      device: 'nvme0n1',
      role: 'cache',
      status: 'DISK_OK',
      temperature_celsius: 41,
      spin_state: 'active',
      smart_status: 'PASSED',
      smart_errors: 0,
    },
  ];
  /** Unraid writes each notification to unread/ and archive/ under the same file name. */
  notifications: FakeNotification[] = [
    {
      id: 'Unraid_Parity_Check_1785553200.notify',
      title: 'Unraid Parity-Check',
      subject: 'Notice [TOWER] - Parity-Check finished (0 errors)',
      description: 'Duration: 18 hours',
      importance: 'normal',
      link: '/Main',
      timestamp: '2026-08-01T03:00:00Z',
    },
  ];
  private clock = Date.parse('2026-08-20T12:00:00Z');

  constructor(containerNames = ['plex', 'sonarr', 'radarr', 'nextcloud']) {
    super();
    this.containers = containerNames.map((name, i) => ({
      id: hex(i + 1),
      name,
      image: `example/${name}:latest`,
      state: 'running',
      status: name === 'nextcloud' ? 'Up 2 hours (healthy)' : 'Up 2 hours',
      restart_count: 0,
    }));
  }

  // ---------- scenario API ----------

  /** Exit 0 / 143 looks like `docker stop`; anything else like a crash. */
  stopContainer(name: string, exitCode = 0): void {
    const c = this.container(name);
    const userStop = exitCode === 0 || exitCode === 143;
    if (userStop) this.dockerEvent('kill', c, { signal: '15' });
    this.set(c, 'exited', `Exited (${exitCode}) Less than a second ago`);
    this.dockerEvent('die', c, { exitCode: String(exitCode) });
    if (userStop) this.dockerEvent('stop', c, {});
    this.emit('change', 'container_list_update');
  }

  startContainer(name: string): void {
    const c = this.container(name);
    this.set(c, 'running', 'Up Less than a second');
    this.dockerEvent('start', c, {});
    this.emit('change', 'container_list_update');
  }

  /** Dies and is brought back by its restart policy before the next poll: only restart_count shows it. */
  crashAndRestart(name: string, exitCode = 1): void {
    const c = this.container(name);
    c.restart_count += 1;
    c.status = 'Up 1 second';
    this.dockerEvent('die', c, { exitCode: String(exitCode) });
    this.dockerEvent('start', c, {});
    this.emit('change', 'container_list_update');
  }

  makeUnhealthy(name: string): void {
    const c = this.container(name);
    c.status = 'Up 2 hours (unhealthy)';
    this.dockerEvent('health_status: unhealthy', c, { health_status: 'unhealthy' });
    this.emit('change', 'container_list_update');
  }

  makeHealthy(name: string): void {
    const c = this.container(name);
    c.status = 'Up 2 hours (healthy)';
    this.dockerEvent('health_status: healthy', c, { health_status: 'healthy' });
    this.emit('change', 'container_list_update');
  }

  /** What Unraid does: stop every container, stop Docker, then stop the array. */
  stopArray(): void {
    for (const c of this.containers.filter((x) => x.state === 'running')) {
      this.dockerEvent('kill', c, { signal: '15' });
      this.set(c, 'exited', 'Exited (0) Less than a second ago');
      this.dockerEvent('die', c, { exitCode: '0' });
      this.dockerEvent('stop', c, {});
    }
    this.emit('change', 'container_list_update');
    this.dockerRunning = false;
    this.arrayState = 'STOPPED';
    this.emit('change', 'array_status_update');
    this.emit('change', 'disk_list_update');
  }

  startArray(): void {
    this.arrayState = 'STARTED';
    this.dockerRunning = true;
    this.emit('change', 'array_status_update');
    for (const c of this.containers) {
      this.set(c, 'running', 'Up Less than a second');
      this.dockerEvent('start', c, {});
    }
    this.emit('change', 'container_list_update');
  }

  stopDocker(): void {
    this.dockerRunning = false;
    this.emit('change', 'container_list_update');
  }

  heatDisk(name: string, celsius: number): void {
    const d = this.disks.find((x) => x.name === name);
    if (!d) throw new Error(`no disk ${name}`);
    d.temperature_celsius = celsius;
    d.spin_state = celsius > 0 ? 'active' : 'standby';
    this.emit('change', 'disk_list_update');
  }

  upsOnBattery(charge = 95): void {
    this.ups = { ...this.ups, status: 'ONBATT', battery_charge_percent: charge, runtime_left_seconds: 1800 };
    this.emit('change', 'ups_status_update');
  }

  upsOnline(): void {
    this.ups = { ...this.ups, status: 'ONLINE', battery_charge_percent: 100, runtime_left_seconds: 3600 };
    this.emit('change', 'ups_status_update');
  }

  raiseNotification(n: {
    event: string;
    subject: string;
    description?: string;
    importance?: FakeNotification['importance'];
  }): FakeNotification {
    this.clock += 1000;
    const stamp = Math.floor(this.clock / 1000);
    const note: FakeNotification = {
      id: `${n.event.replace(/[^A-Za-z0-9]+/g, '_')}_${stamp}.notify`,
      title: n.event,
      subject: n.subject,
      description: n.description ?? '',
      importance: n.importance ?? 'normal',
      link: '',
      timestamp: new Date(this.clock).toISOString(),
    };
    this.notifications.unshift(note);
    this.emit('change', 'notifications_update');
    return note;
  }

  startParityCheck(): void {
    this.parityStatus = 'running';
    this.emit('change', 'array_status_update');
  }

  finishParityCheck(errors = 0): void {
    this.parityStatus = '';
    this.parityHistory.unshift({
      action: 'Parity-Check',
      date: new Date().toISOString(),
      duration_seconds: 3600,
      status: errors === 0 ? 'OK' : String(errors),
      errors,
    });
    this.emit('change', 'array_status_update');
  }

  setLoad(cpuPercent: number, memoryPercent = this.memoryPercent): void {
    this.cpuPercent = cpuPercent;
    this.memoryPercent = memoryPercent;
    this.emit('change', 'system_update');
  }

  // ---------- payloads (the current agent's DTOs) ----------

  system() {
    return {
      hostname: this.hostname,
      version: '7.2.0',
      agent_version: '2026.08.01',
      cpu_usage_percent: this.cpuPercent,
      ram_usage_percent: this.memoryPercent,
      cpu_temp_celsius: 48,
      timestamp: new Date().toISOString(),
    };
  }

  array() {
    return {
      state: this.arrayState,
      parity_valid: true,
      parity_check_status: this.parityStatus,
      parity_check_progress: this.parityStatus ? 12.5 : 0,
      num_disks: this.disks.length,
      num_data_disks: 2,
      num_parity_disks: 0,
      timestamp: new Date().toISOString(),
    };
  }

  containerList() {
    return this.dockerRunning
      ? this.containers.map((c) => ({ ...c, restart_count: c.state === 'running' ? c.restart_count : 0 }))
      : [];
  }

  notificationList() {
    const all = this.notifications.flatMap((n) => [
      { ...n, formatted_timestamp: n.timestamp, type: 'unread' },
      { ...n, link: '', formatted_timestamp: n.timestamp, type: 'archive' },
    ]);
    const count = { info: 0, warning: 0, alert: 0, total: this.notifications.length };
    return {
      overview: { unread: count, archive: count },
      notifications: all,
      timestamp: new Date().toISOString(),
    };
  }

  payload(topic: Topic): unknown {
    switch (topic) {
      case 'system_update':
        return this.system();
      case 'array_status_update':
        return this.array();
      case 'disk_list_update':
        return this.disks.map((d) => ({ ...d, timestamp: new Date().toISOString() }));
      case 'container_list_update':
        return this.containerList();
      case 'vm_list_update':
        return [];
      case 'ups_status_update':
        return { ...this.ups, load_percent: 20, timestamp: new Date().toISOString() };
      case 'notifications_update':
        return this.notificationList();
      case 'source_status_changed':
        return { subsystem: 'docker', state: this.dockerRunning ? 'healthy' : 'unavailable' };
    }
  }

  private container(name: string): FakeContainer {
    const c = this.containers.find((x) => x.name === name);
    if (!c) throw new Error(`no container ${name}`);
    return c;
  }

  private set(c: FakeContainer, state: string, status: string): void {
    c.state = state;
    c.status = status;
  }

  private dockerEvent(action: string, c: FakeContainer, attributes: Record<string, string>): void {
    this.emit('docker', {
      action,
      container_id: c.id,
      container_name: c.name,
      image: c.image,
      status: c.state,
      attributes,
    });
  }
}
