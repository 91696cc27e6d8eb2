import type { Severity } from '../../../shared/home-event';
import type { SourceEvent } from '../types';
import { makeEvent } from './normalise';
import type { DiskInfo, DiskThresholds } from './protocol';
import type { ThresholdOverrides } from './thresholds';
import { limitsFor, readableTemperature } from './thresholds';

interface DiskMemo {
  status?: string;
  errors?: number;
  smartFailed: boolean;
  sectors: Record<string, number>;
}

const SECTOR_ATTRS: Record<string, string> = { '5': 'reallocated sectors', '197': 'pending sectors' };

/**
 * Disk temperatures as samples (judged against the user's own Unraid limits) and disk health as
 * transitions: a disk leaving DISK_OK, the md error count rising, SMART failing, sector counts rising.
 */
export class DiskWatch {
  private memos = new Map<string, DiskMemo>();
  private thresholds: DiskThresholds | undefined;

  constructor(
    private readonly sourceId: string,
    private readonly emit: (events: SourceEvent[]) => void,
    private readonly overrides: ThresholdOverrides = {},
  ) {}

  setThresholds(t: DiskThresholds): void {
    this.thresholds = t;
  }

  /** `quiet`: the array is down or settling, so status changes are expected and not reported. */
  update(list: DiskInfo[], time: number, quiet: boolean): void {
    const events: SourceEvent[] = [];
    for (const disk of list) {
      const entity = { id: disk.id || disk.name, name: disk.name || disk.id, kind: 'disk' };
      const temp = readableTemperature(disk);
      if (temp !== undefined) {
        const limits = limitsFor(disk, this.thresholds, this.overrides);
        const severity: Severity =
          temp >= limits.critical ? 'critical' : temp >= limits.warning ? 'warning' : 'info';
        events.push(
          makeEvent(this.sourceId, {
            type: 'unraid.disk.temperature',
            time,
            entity,
            severity,
            title: `${entity.name} ${temp} °C`,
            body: `warning at ${limits.warning} °C, critical at ${limits.critical} °C`,
            data: {
              disk: entity.name,
              temperature: temp,
              warningCelsius: limits.warning,
              criticalCelsius: limits.critical,
              aboveWarning: temp - limits.warning,
              aboveCritical: temp - limits.critical,
            },
            sample: true,
            raw: disk,
          }),
        );
      }
      const prev = this.memos.get(entity.id);
      const memo = this.diskMemo(disk, prev);
      this.memos.set(entity.id, memo);
      if (!prev || quiet) continue;
      const ev = (
        type: string,
        severity: Severity,
        title: string,
        body: string,
        data: Record<string, unknown>,
      ) =>
        events.push(makeEvent(this.sourceId, { type, time, entity, severity, title, body, data, raw: disk }));
      if (prev.status === 'DISK_OK' && memo.status && memo.status !== 'DISK_OK') {
        ev(
          'unraid.disk.status',
          'critical',
          `${entity.name} is ${describeDiskStatus(memo.status)}`,
          memo.status,
          {
            status: memo.status,
            previousStatus: prev.status,
          },
        );
      } else if (prev.status && prev.status !== 'DISK_OK' && memo.status === 'DISK_OK') {
        ev('unraid.disk.status', 'info', `${entity.name} is OK again`, memo.status, {
          status: memo.status,
          previousStatus: prev.status,
        });
      }
      if (memo.errors !== undefined && prev.errors !== undefined && memo.errors > prev.errors) {
        ev(
          'unraid.disk.errors',
          'warning',
          `${entity.name}: ${memo.errors - prev.errors} new read/write errors`,
          `${memo.errors} in total`,
          {
            errors: memo.errors,
            previous: prev.errors,
            increase: memo.errors - prev.errors,
          },
        );
      }
      if (memo.smartFailed && !prev.smartFailed) {
        ev(
          'unraid.disk.smart',
          'critical',
          `${entity.name} failed its SMART check`,
          disk.smart_status ?? 'FAILED',
          {
            smartStatus: disk.smart_status,
          },
        );
      }
      for (const [attr, label] of Object.entries(SECTOR_ATTRS)) {
        const now = memo.sectors[attr];
        const before = prev.sectors[attr];
        if (now !== undefined && before !== undefined && now > before) {
          ev('unraid.disk.sectors', 'warning', `${entity.name}: ${label} rose to ${now}`, `was ${before}`, {
            attribute: attr,
            value: now,
            previous: before,
          });
        }
      }
    }
    if (events.length > 0) this.emit(events);
  }

  private diskMemo(disk: DiskInfo, prev: DiskMemo | undefined): DiskMemo {
    const sectors: Record<string, number> = { ...(prev?.sectors ?? {}) };
    for (const attr of Object.keys(SECTOR_ATTRS)) {
      const rawValue = disk.smart_attributes?.[attr]?.raw_value;
      const n = rawValue === undefined ? NaN : parseInt(String(rawValue), 10);
      if (Number.isFinite(n)) sectors[attr] = n;
    }
    // UNKNOWN is what a sleeping disk reports: keep the last real verdict.
    const smart = disk.smart_status?.toUpperCase();
    const smartFailed =
      smart === undefined || smart === 'UNKNOWN' ? (prev?.smartFailed ?? false) : smart.startsWith('FAILED');
    return {
      status: disk.status ?? prev?.status,
      errors: disk.smart_errors ?? prev?.errors,
      smartFailed,
      sectors,
    };
  }
}

function describeDiskStatus(status: string): string {
  const words: Record<string, string> = {
    DISK_DSBL: 'disabled',
    DISK_INVALID: 'invalid',
    DISK_WRONG: 'the wrong disk',
    DISK_NP_MISSING: 'missing',
    DISK_NP_DSBL: 'disabled and missing',
    DISK_DSBL_NEW: 'disabled (new disk)',
  };
  return words[status] ?? `in state ${status}`;
}
