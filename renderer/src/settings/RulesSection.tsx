import { startTransition, useEffect, useOptimistic, useState } from 'react';
import type { Rule } from '../../../app/shared/rules';
import { herald } from '../api/herald';
import { Switch } from '../components/Switch';
import { useSourceKinds } from '../hooks/useHostData';
import { PresetsList } from './PresetsList';
import type { RuleDraft } from './rule-draft';
import { draftFromEntry } from './rule-draft';
import { RuleEditor } from './RuleEditor';
import type { SectionProps } from './section-props';

const actionText = { notify: 'notify', record: 'record only', drop: 'drop' } as const;

function summary(rule: Rule): string {
  const scope = rule.types?.length ? rule.types.join(', ') : 'any event';
  const from = rule.sources?.length ? ` from ${rule.sources.join(', ')}` : '';
  const conditions = rule.conditions.length ? ` when ${rule.conditions.length} condition(s) hold` : '';
  return `${scope}${from}${conditions} → ${actionText[rule.action.type]}`;
}

interface Props extends SectionProps {
  /** A history entry's seq: open a new rule prefilled from it ("Make a rule like this"). */
  ruleFrom?: number;
  onRuleFromDone?(): void;
}

export function RulesSection({ settings, save, ruleFrom, onRuleFromDone }: Props) {
  const kinds = useSourceKinds();
  const [editing, setEditing] = useState<{ index: number; initial?: RuleDraft } | undefined>();
  // Toggles and moves show at once; the saved settings replace them when the host answers.
  const [rules, setOptimisticRules] = useOptimistic(settings.rules);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (ruleFrom === undefined) return;
    let current = true;
    // The newest entry below seq + 1 is that entry, if the history still holds it.
    void herald()
      .historyQuery({ before: ruleFrom + 1, limit: 1 })
      .then((page) => {
        if (!current) return;
        const entry = page.entries[0];
        if (entry?.seq === ruleFrom)
          setEditing({ index: settings.rules.length, initial: draftFromEntry(entry) });
        else setMissing(true);
      })
      .catch(() => current && setMissing(true));
    return () => {
      current = false;
    };
    // Only a new request opens the editor again, not every settings change while it is open.
  }, [ruleFrom]);

  if (editing !== undefined) {
    return (
      <RuleEditor
        key={editing.index}
        settings={settings}
        save={save}
        index={editing.index}
        initial={editing.initial}
        onDone={() => {
          setEditing(undefined);
          if (editing.initial) onRuleFromDone?.();
        }}
      />
    );
  }
  const update = (next: Rule[]) =>
    startTransition(async () => {
      setOptimisticRules(next);
      await save({ ...settings, rules: next });
    });
  const move = (from: number, to: number) => {
    const next = [...rules];
    const [rule] = next.splice(from, 1);
    next.splice(to, 0, rule!);
    update(next);
  };

  return (
    <>
      <div className="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Your rules</h2>
        <p className="section-help">
          Checked in order, before the presets; the first rule that matches decides.
        </p>
        {missing && (
          <p className="banner warning" role="alert">
            That history entry is no longer there, so there is nothing to start the rule from.
          </p>
        )}
        {rules.length === 0 && (
          <p className="empty-inline">No rules of your own yet; the presets below apply.</p>
        )}
        <ol className="rule-list">
          {rules.map((rule, i) => (
            <li key={rule.id} className="rule-row" aria-label={rule.name}>
              <Switch
                label={`Enable ${rule.name}`}
                hideLabel
                checked={rule.enabled}
                onChange={(enabled) => update(rules.map((r, j) => (j === i ? { ...r, enabled } : r)))}
              />
              <div className="rule-text">
                <strong>{rule.name}</strong>
                <span className="muted small">{summary(rule)}</span>
              </div>
              <div className="rule-actions">
                <button
                  type="button"
                  className="ghost small"
                  aria-label={`Move ${rule.name} up`}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="ghost small"
                  aria-label={`Move ${rule.name} down`}
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button type="button" className="ghost small" onClick={() => setEditing({ index: i })}>
                  Edit
                </button>
                <button
                  type="button"
                  className="ghost small danger-text"
                  onClick={() =>
                    window.confirm(`Delete the rule "${rule.name}"?`) &&
                    update(rules.filter((_, j) => j !== i))
                  }
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="primary" onClick={() => setEditing({ index: rules.length })}>
          Add rule
        </button>
      </div>
      <PresetsList settings={settings} save={save} kinds={kinds} />
    </>
  );
}
