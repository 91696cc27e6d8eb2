import type { DiskInfo, DiskThresholds } from './protocol';

export interface TempLimits {
  warning: number;
  critical: number;
}

/** Unraid's own defaults (dynamix.cfg `hot`/`max`/`hotssd`/`maxssd`) for when the agent cannot tell us. */
export const UNRAID_DEFAULT_LIMITS = {
  hdd: { warning: 45, critical: 55 },
  ssd: { warning: 60, critical: 70 },
} as const;

/** User overrides from the source options win over what the agent reports. */
export interface ThresholdOverrides {
  warningCelsius?: number;
  criticalCelsius?: number;
}

export function isSsd(disk: Pick<DiskInfo, 'role' | 'device'>): boolean {
  return disk.role === 'cache' || disk.role === 'pool' || /nvme/i.test(disk.device ?? '');
}

/**
 * Same order as Unraid's monitor and the HA integration: the disk's own limits, then the global
 * HDD or SSD value from the agent's settings, then Unraid's defaults.
 */
export function limitsFor(
  disk: DiskInfo,
  global: DiskThresholds | undefined,
  overrides: ThresholdOverrides = {},
): TempLimits {
  const ssd = isSsd(disk);
  const fallback = ssd ? UNRAID_DEFAULT_LIMITS.ssd : UNRAID_DEFAULT_LIMITS.hdd;
  const globalWarning = ssd ? global?.ssd_temp_warning_celsius : global?.hdd_temp_warning_celsius;
  const globalCritical = ssd ? global?.ssd_temp_critical_celsius : global?.hdd_temp_critical_celsius;
  const positive = (n: number | undefined) => (n !== undefined && n > 0 ? n : undefined);
  return {
    warning:
      overrides.warningCelsius ??
      positive(disk.temp_warning_celsius) ??
      positive(globalWarning) ??
      fallback.warning,
    critical:
      overrides.criticalCelsius ??
      positive(disk.temp_critical_celsius) ??
      positive(globalCritical) ??
      fallback.critical,
  };
}

/** 0 °C (`temp="*"` in disks.ini) or standby means spun down: no reading, not "cool". */
export function readableTemperature(disk: DiskInfo): number | undefined {
  const t = disk.temperature_celsius;
  if (t === undefined || t <= 0 || disk.spin_state === 'standby') return undefined;
  return t;
}
