import picomatch from 'picomatch';
import type { HistoryEntry } from '../../shared/history';
import type { HistoryQuerySchema } from '../../shared/history';
import type { z } from 'zod';

type ParsedQuery = z.output<typeof HistoryQuerySchema>;
type Test = (entry: HistoryEntry) => boolean;

/**
 * Builds one predicate for the query's filters, or `undefined` when nothing filters (so the caller can
 * page without scanning). An empty list means "any", as an empty multi-select does in the UI.
 * The time range applies to `recordedAt`, the order history is kept and paged in.
 */
export function buildFilter(query: ParsedQuery): Test | undefined {
  const tests: Test[] = [];
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    tests.push((entry) => {
      const { event } = entry;
      const hay = `${event.title}\n${event.body}\n${event.entity?.name ?? ''}\n${event.type}`.toLowerCase();
      return words.every((word) => hay.includes(word));
    });
  }
  if (query.sourceIds?.length) {
    const ids = new Set(query.sourceIds);
    tests.push((entry) => ids.has(entry.event.sourceId));
  }
  if (query.types?.length) {
    const isMatch = picomatch(query.types);
    tests.push((entry) => isMatch(entry.event.type));
  }
  if (query.severities?.length) {
    const set = new Set<string>(query.severities);
    tests.push((entry) => set.has(entry.event.severity));
  }
  if (query.actions?.length) {
    const set = new Set<string>(query.actions);
    tests.push((entry) => set.has(entry.decision.action));
  }
  const { from, to } = query;
  if (from !== undefined) tests.push((entry) => entry.recordedAt >= from);
  if (to !== undefined) tests.push((entry) => entry.recordedAt <= to);
  if (query.unreadOnly) tests.push((entry) => !entry.read);
  const { burstId } = query;
  if (burstId !== undefined) tests.push((entry) => entry.decision.burstId === burstId);

  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (entry) => tests.every((test) => test(entry));
}
