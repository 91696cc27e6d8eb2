import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, SourceKindInfo } from '../../../app/shared/api';
import { herald } from '../api/herald';

export function useSourceKinds(): SourceKindInfo[] {
  const [kinds, setKinds] = useState<SourceKindInfo[]>([]);
  useEffect(() => {
    herald()
      .sourceKinds()
      .then(setKinds, () => setKinds([]));
  }, []);
  return kinds;
}

export function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => {
    herald()
      .appInfo()
      .then(setInfo, () => undefined);
  }, []);
  return info;
}

/** Which secret fields each source has set (names only; values never reach the UI). */
export function useSecretsStatus(): [Record<string, string[]>, () => void] {
  const [status, setStatus] = useState<Record<string, string[]>>({});
  const reload = useCallback(() => {
    herald()
      .secretsStatus()
      .then(setStatus, () => undefined);
  }, []);
  useEffect(reload, [reload]);
  return [status, reload];
}
