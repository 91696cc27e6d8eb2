import type { PreviousSettingsMedium } from '../../app/core/settings';
import type { Secrets } from '../../app/shared/settings';

/** A previous-settings generation kept in memory (stands in for a host's store), counting its writes. */
export function memoryPreviousSettings() {
  let kept: { settings: unknown; secrets: Secrets } | undefined;
  let writes = 0;
  const medium: PreviousSettingsMedium = {
    read: () => kept,
    write(settings, secrets) {
      writes += 1;
      kept = { settings: structuredClone(settings), secrets: structuredClone(secrets) };
    },
  };
  return { medium, writes: () => writes };
}
