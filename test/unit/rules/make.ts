import type { HomeEvent } from '../../../app/shared/home-event';
import { RuleSchema, type Rule, type RuleInput } from '../../../app/shared/rules';

let counter = 0;

export function ev(partial: Partial<HomeEvent> = {}): HomeEvent {
  counter += 1;
  return {
    id: `e${counter}`,
    sourceId: 'tower',
    sourceKind: 'unraid',
    type: 'unraid.system.stats',
    time: 0,
    severity: 'info',
    title: 'Event title',
    body: 'Event body',
    raw: {},
    ...partial,
  };
}

export function rule(input: Partial<RuleInput> & Pick<RuleInput, 'id'>): Rule {
  return RuleSchema.parse({ name: input.id, action: { type: 'notify' }, ...input });
}

export const SECOND = 1000;
export const MINUTE = 60_000;
