import { useMemo, useState } from 'react';
import type { Rule, RuleAction } from '../../../app/shared/rules';
import { Field } from '../components/Field';
import { errorsAt, unclaimed } from '../components/field-errors';
import { Switch } from '../components/Switch';
import { escapeCancels } from '../hooks/useEscape';
import { useSectionSave } from '../hooks/useSectionSave';
import { ConditionRow, ConditionRows } from './ConditionRows';
import type { ConditionDraft } from './condition-model';
import type { RuleDraft } from './rule-draft';
import { draftToRule, ruleIdFor, ruleToDraft } from './rule-draft';
import { RulePreview } from './RulePreview';
import { SaveBar } from './SaveBar';
import type { SectionProps } from './section-props';

interface Props extends SectionProps {
  index: number;
  /** A new rule's starting point ("Make a rule like this"); editing an existing rule ignores it. */
  initial?: RuleDraft;
  onDone(): void;
}

const DEFAULT_KEY = '{{sourceId}}|{{type}}|{{entity.id}}';

export function RuleEditor({ settings, save, index, initial, onDone }: Props) {
  const existing: Rule | undefined = settings.rules[index];
  const [draft, setDraft] = useState<RuleDraft>(() =>
    existing ? ruleToDraft(existing) : (initial ?? ruleToDraft(undefined)),
  );
  const { errors, status, run, formRef } = useSectionSave(save);
  const base = `rules.${index}`;
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setHysteresis = (patch: Partial<RuleDraft['hysteresis']>) =>
    setDraft((d) => ({ ...d, hysteresis: { ...d.hysteresis, ...patch } }));

  // A saved rule keeps its id; a new one gets one from its name, unique among the user's rules.
  const id = useMemo(() => {
    if (existing) return existing.id;
    const taken = new Set(settings.rules.filter((_, i) => i !== index).map((r) => r.id));
    return ruleIdFor(draft.name, taken);
  }, [existing, settings.rules, index, draft.name]);
  const candidate = useMemo(() => draftToRule(draft, id), [draft, id]);
  const sourceNames = useMemo(
    () => Object.fromEntries(settings.sources.map((s) => [s.id, s.name])),
    [settings.sources],
  );

  const submit = async () => {
    const rules = [...settings.rules];
    rules[index] = candidate as unknown as Rule;
    if (await run({ ...settings, rules })) onDone();
  };

  const action = draft.action;
  const notify = action.type === 'notify' ? action : undefined;
  const setNotify = (patch: Partial<Extract<RuleAction, { type: 'notify' }>>) =>
    notify && set({ action: { ...notify, ...patch } });
  const claimed = [
    'id',
    'name',
    'types',
    'sources',
    'kinds',
    'conditions',
    'action',
    'cooldown',
    'for',
    'key',
    'hysteresis',
  ].map((p) => `${base}.${p}`);
  const h = draft.hysteresis;
  return (
    <div className="editor-with-preview">
      <form
        ref={formRef}
        className="card"
        aria-labelledby="rule-form-heading"
        onKeyDown={escapeCancels(onDone)}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="rule-form-heading">{existing ? 'Edit rule' : 'New rule'}</h2>
        <div className="row">
          <Field
            label="Name"
            help={existing ? `Id: ${id}` : `Id: ${id} (from the name; it stays when you rename the rule)`}
            errors={errorsAt(errors, `${base}.name`).concat(errorsAt(errors, `${base}.id`))}
          >
            <input
              type="text"
              value={draft.name}
              autoFocus={!existing}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Field>
        </div>
        <Switch label="Enabled" checked={draft.enabled} onChange={(enabled) => set({ enabled })} />

        <fieldset>
          <legend>Which events</legend>
          <div className="row">
            <Field
              label="Event types"
              help="Globs, comma-separated: emby.*, unraid.docker.stop; empty means all"
              errors={errorsAt(errors, `${base}.types`)}
            >
              <input type="text" value={draft.types} onChange={(e) => set({ types: e.target.value })} />
            </Field>
            <Field
              label="Sources"
              help={`Source ids (globs); empty means all${settings.sources.length ? `: ${settings.sources.map((s) => s.id).join(', ')}` : ''}`}
              errors={errorsAt(errors, `${base}.sources`)}
            >
              <input type="text" value={draft.sources} onChange={(e) => set({ sources: e.target.value })} />
            </Field>
            <Field
              label="Kinds"
              help="Kinds of server (globs): emby, deconz; empty means all"
              errors={errorsAt(errors, `${base}.kinds`)}
            >
              <input type="text" value={draft.kinds} onChange={(e) => set({ kinds: e.target.value })} />
            </Field>
          </div>
          <ConditionRows
            conditions={draft.conditions}
            onChange={(conditions) => set({ conditions })}
            errorsAt={(i) => errorsAt(errors, `${base}.conditions.${i}`)}
          />
        </fieldset>

        <fieldset>
          <legend>Timing and repeats</legend>
          <div className="row">
            <Field
              label="Must hold for"
              help="e.g. 2m; empty: at once"
              errors={errorsAt(errors, `${base}.for`)}
            >
              <input type="text" value={draft.holdFor} onChange={(e) => set({ holdFor: e.target.value })} />
            </Field>
            <Field
              label="Cooldown"
              help="e.g. 10m: repeats within it are recorded, not notified"
              errors={errorsAt(errors, `${base}.cooldown`)}
            >
              <input type="text" value={draft.cooldown} onChange={(e) => set({ cooldown: e.target.value })} />
            </Field>
            <Field
              label="Cooldown key"
              help="What counts as a repeat (Mustache); empty: same source, type and entity"
              errors={errorsAt(errors, `${base}.key`)}
            >
              <input
                type="text"
                value={draft.key}
                placeholder={DEFAULT_KEY}
                onChange={(e) => set({ key: e.target.value })}
              />
            </Field>
          </div>
          <Switch
            label="Separate on and off thresholds (hysteresis)"
            checked={h.enabled}
            onChange={(enabled) => setHysteresis({ enabled })}
          />
          {h.enabled && (
            <div className="hysteresis">
              <p className="muted small">
                Becomes active when the first test holds, and resolves only when the second does (e.g. on: CPU
                &gt; 90, off: CPU &lt; 80), so a value hovering near one threshold does not notify over and
                over.
              </p>
              <ConditionRow
                condition={h.on}
                label="On condition"
                errors={errorsAt(errors, `${base}.hysteresis.on`)}
                onChange={(patch: Partial<ConditionDraft>) => setHysteresis({ on: { ...h.on, ...patch } })}
              />
              <ConditionRow
                condition={h.off}
                label="Off condition"
                errors={errorsAt(errors, `${base}.hysteresis.off`)}
                onChange={(patch: Partial<ConditionDraft>) => setHysteresis({ off: { ...h.off, ...patch } })}
              />
              <Switch
                label="Notify when it resolves"
                checked={h.notifyResolved}
                onChange={(notifyResolved) => setHysteresis({ notifyResolved })}
              />
              {h.notifyResolved && (
                <div className="row">
                  <Field label="Resolved title" help="Mustache; empty: “Resolved: …”">
                    <input
                      type="text"
                      value={h.resolvedTitle}
                      onChange={(e) => setHysteresis({ resolvedTitle: e.target.value })}
                    />
                  </Field>
                  <Field label="Resolved body">
                    <input
                      type="text"
                      value={h.resolvedBody}
                      onChange={(e) => setHysteresis({ resolvedBody: e.target.value })}
                    />
                  </Field>
                </div>
              )}
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>Then</legend>
          <Field label="Action" errors={errorsAt(errors, `${base}.action`)}>
            <select
              value={action.type}
              onChange={(e) => set({ action: { type: e.target.value as RuleAction['type'] } as RuleAction })}
            >
              <option value="notify">Notify</option>
              <option value="record">Record only</option>
              <option value="drop">Drop</option>
            </select>
          </Field>
          {notify && (
            <>
              <div className="row">
                <Field label="Title template" help="Mustache, e.g. {{entity.name}}; empty: the event's title">
                  <input
                    type="text"
                    value={notify.title ?? ''}
                    onChange={(e) => setNotify({ title: e.target.value || undefined })}
                  />
                </Field>
                <Field label="Body template" help="Empty: the event's text">
                  <input
                    type="text"
                    value={notify.body ?? ''}
                    onChange={(e) => setNotify({ body: e.target.value || undefined })}
                  />
                </Field>
              </div>
              <div className="row">
                <Field label="Urgency">
                  <select
                    value={notify.urgency ?? 'normal'}
                    onChange={(e) => setNotify({ urgency: e.target.value as 'low' | 'normal' | 'critical' })}
                  >
                    <option value="low">Low</option>
                    <option value="normal">Normal</option>
                    <option value="critical">Critical (stays on screen)</option>
                  </select>
                </Field>
              </div>
              <Switch
                label="Silent (no sound)"
                checked={notify.silent ?? false}
                onChange={(silent) => setNotify({ silent: silent || undefined })}
              />
            </>
          )}
        </fieldset>
        <SaveBar status={status} errors={unclaimed(errors, claimed)} label="Save rule" onCancel={onDone} />
      </form>
      <RulePreview
        rule={candidate}
        index={index}
        replace={existing !== undefined}
        sourceNames={sourceNames}
      />
    </div>
  );
}
