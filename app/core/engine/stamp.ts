import type { HomeEvent } from '../../shared/home-event';
import type { SourceConfig } from '../../shared/settings';
import type { SourceEvent } from '../sources/source-event';

/** The one place an event gets its source's id and kind (right after its id, as the schema orders them). */
export function stampEvent(
  { id, ...rest }: SourceEvent,
  source: Pick<SourceConfig, 'id' | 'kind'>,
): HomeEvent {
  return { id, sourceId: source.id, sourceKind: source.kind, ...rest };
}
