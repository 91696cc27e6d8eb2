import { useCallback, useEffect, useState } from 'react';
import { PUSH } from '../../../app/shared/api';
import type { SourceStatus } from '../../../app/shared/source-status';
import { herald } from '../api/herald';
import { useOnReconnect } from './useConnection';

/** Live connection status per source id. */
export function useSourceStatuses(): Record<string, SourceStatus> {
  const [statuses, setStatuses] = useState<Record<string, SourceStatus>>({});
  const load = useCallback(() => {
    void herald()
      .sourcesList()
      .then((list) => setStatuses(Object.fromEntries(list.map((s) => [s.sourceId, s]))))
      .catch(() => {});
  }, []);
  useEffect(() => {
    load();
    return herald().subscribe(PUSH.sourcesStatus, (status) =>
      setStatuses((all) => ({ ...all, [status.sourceId]: status })),
    );
  }, [load]);
  useOnReconnect(load);
  return statuses;
}
