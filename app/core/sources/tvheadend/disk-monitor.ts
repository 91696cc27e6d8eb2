const GiB = 1024 ** 3;

export type DiskLevel = 'low' | 'ok';

export interface DiskReading {
  level: DiskLevel;
  freeGiB: number;
  totalGiB?: number;
  freePercent?: number;
}

/**
 * Turns the 15-second `diskspaceUpdate` stream into level changes: `low` once free space drops below the
 * threshold, `ok` once it is back above threshold + margin, so a value hovering at the line cannot flap.
 */
export class DiskMonitor {
  private level: DiskLevel | undefined;

  constructor(
    private readonly thresholdGiB: number,
    private readonly marginGiB = Math.max(1, thresholdGiB * 0.05),
  ) {}

  get clearGiB(): number {
    return this.thresholdGiB + this.marginGiB;
  }

  /** Returns a reading only when the level changed (the first reading reports only `low`). */
  update(freeBytes: number, totalBytes?: number): DiskReading | undefined {
    if (this.thresholdGiB <= 0 || !Number.isFinite(freeBytes)) return undefined;
    const freeGiB = round(freeBytes / GiB);
    const next: DiskLevel | undefined =
      freeGiB < this.thresholdGiB
        ? 'low'
        : freeGiB >= this.clearGiB
          ? 'ok'
          : this.level === undefined
            ? 'ok'
            : undefined;
    if (next === undefined || next === this.level) return undefined;
    const first = this.level === undefined;
    this.level = next;
    if (first && next === 'ok') return undefined;
    const reading: DiskReading = { level: next, freeGiB };
    if (totalBytes !== undefined && totalBytes > 0) {
      reading.totalGiB = round(totalBytes / GiB);
      reading.freePercent = Math.round((freeBytes / totalBytes) * 1000) / 10;
    }
    return reading;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
