import { useState } from 'react';
import type { Rule, RuleAction } from '../../../app/shared/rules';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { Switch } from '../components/Switch';
import { formatDuration, splitList } from '../format';
import { useSectionSave } from '../hooks/useSectionSave';
import { ConditionRows } from './ConditionRows';
import { fromDraft, toDraft } from './condition-model';
import { SaveBar } from './SaveBar';
import type { SectionProps } from './section-props';

interface Props extends SectionProps {
  index: number;
  onDone(): void;
}

const blank: Rule = { id: '', name: '', enabled: true, conditions: [], action: { type: 'notify' } };

export function RuleEditor({ settings, save, index, onDone }: Props) {
  const rule = settings.rules[index] ?? blank;
  const [name, setName] = useState(rule.name);
  const [enabled, setEnabled] = useState(rule.enabled);
  const [types, setTypes] = useState(rule.types?.join(', ') ?? '');
  const [sources, setSources] = useState(rule.sources?.join(', ') ?? '');
  const [conditions, setConditions] = useState(rule.conditions.map(toDraft));
  const [action, setAction] = useState<RuleAction>(rule.action);
  const [cooldown, setCooldown] = useState(rule.cooldown === undefined ? '' : formatDuration(rule.cooldown));
  const [holdFor, setHoldFor] = useState(rule.for === undefined ? '' : formatDuration(rule.for));
  const { errors, status, run } = useSectionSave(save);
  const base = `rules.${index}`;

  const submit = async () => {
    const next = {
      ...rule,
      id: rule.id || `rule-${Date.now().toString(36)}`,
      name,
      enabled,
      types: splitList(types),
      sources: splitList(sources),
      conditions: conditions.map(fromDraft),
      action,
      // Durations go as typed ("5m"); the host parses and reports bad ones.
      cooldown: cooldown.trim() || undefined,
      for: holdFor.trim() || undefined,
    };
    const rules = [...settings.rules];
    rules[index] = next as unknown as Rule;
    if (await run({ ...settings, rules })) onDone();
  };

  const notify = action.type === 'notify' ? action : undefined;
  const claimed = ['name', 'types', 'sources', 'conditions', 'action', 'cooldown', 'for'].map(
    (p) => `${base}.${p}`,
  );
  return (
    <form
      className="card"
      aria-labelledby="rule-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="rule-form-heading">{rule.id ? 'Edit rule' : 'New rule'}</h2>
      <Field label="Name" errors={errorsAt(errors, `${base}.name`)}>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Switch label="Enabled" checked={enabled} onChange={setEnabled} />
      <div className="row">
        <Field
          label="Event types"
          help="Globs, comma-separated: emby.*, unraid.docker.stop"
          errors={errorsAt(errors, `${base}.types`)}
        >
          <input type="text" value={types} onChange={(e) => setTypes(e.target.value)} />
        </Field>
        <Field
          label="Sources"
          help="Source ids (globs); empty means all"
          errors={errorsAt(errors, `${base}.sources`)}
        >
          <input type="text" value={sources} onChange={(e) => setSources(e.target.value)} />
        </Field>
      </div>
      <ConditionRows
        conditions={conditions}
        onChange={setConditions}
        errorsAt={(i) => errorsAt(errors, `${base}.conditions.${i}`)}
      />
      <div className="row">
        <Field label="Then" errors={errorsAt(errors, `${base}.action`)}>
          <select
            value={action.type}
            onChange={(e) => setAction({ type: e.target.value as RuleAction['type'] } as RuleAction)}
          >
            <option value="notify">Notify</option>
            <option value="record">Record only</option>
            <option value="drop">Drop</option>
          </select>
        </Field>
        <Field label="Must hold for" help="e.g. 2m; empty: at once" errors={errorsAt(errors, `${base}.for`)}>
          <input type="text" value={holdFor} onChange={(e) => setHoldFor(e.target.value)} />
        </Field>
        <Field label="Cooldown" help="e.g. 10m" errors={errorsAt(errors, `${base}.cooldown`)}>
          <input type="text" value={cooldown} onChange={(e) => setCooldown(e.target.value)} />
        </Field>
      </div>
      {notify && (
        <div className="row">
          <Field label="Title template" help="Mustache, e.g. {{entity.name}}; empty: the event's title">
            <input
              type="text"
              value={notify.title ?? ''}
              onChange={(e) => setAction({ ...notify, title: e.target.value || undefined })}
            />
          </Field>
          <Field label="Body template">
            <input
              type="text"
              value={notify.body ?? ''}
              onChange={(e) => setAction({ ...notify, body: e.target.value || undefined })}
            />
          </Field>
          <Field label="Urgency">
            <select
              value={notify.urgency ?? 'normal'}
              onChange={(e) =>
                setAction({ ...notify, urgency: e.target.value as 'low' | 'normal' | 'critical' })
              }
            >
              <option value="low">Low</option>
              <option value="normal">Normal</option>
              <option value="critical">Critical</option>
            </select>
          </Field>
        </div>
      )}
      <SaveBar status={status} errors={unclaimed(errors, claimed)} label="Save rule" onCancel={onDone} />
    </form>
  );
}
