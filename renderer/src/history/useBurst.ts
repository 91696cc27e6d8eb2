import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../app/shared/history';
import { herald } from '../api/herald';

export interface Burst {
  summary?: HistoryEntry;
  /** The held-back notifications the summary stands for, newest first. */
  members: HistoryEntry[];
}

const MAX_MEMBERS = 500;

/** The burst an entry belongs to (its summary, or the entries a summary holds), found by `burstId`. */
export function useBurst(entry: HistoryEntry): Burst | undefined {
  const burstId = entry.decision.burstId;
  const [burst, setBurst] = useState<Burst>();
  useEffect(() => {
    setBurst(undefined);
    if (!burstId) return;
    let current = true;
    herald()
      .historyQuery({ burstId, limit: MAX_MEMBERS })
      .then(
        (page) => {
          if (!current) return;
          const summary = page.entries.find((e) => e.event.type === 'herald.summary');
          setBurst({ summary, members: page.entries.filter((e) => e !== summary) });
        },
        () => current && setBurst({ members: [] }),
      );
    return () => {
      current = false;
    };
  }, [burstId, entry.seq]);
  return burst;
}
