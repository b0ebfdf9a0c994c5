// 设置: the template, the reserved points, the 共性指标库 and the rules, collapsed at first.
import { Button, Caption1, Field, Select, Text } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';
import { PROFILES, TOPICS, rules, type ProfileName, type RuleSetting } from '../../core/index.js';
import type { PaneSettings } from '../../workflow/index.js';
import { SEVERITIES } from '../format.js';
import { usePaneStrings } from '../PaneStrings.js';
import { LibraryEditor } from './LibraryEditor.js';
import { useSettingsPanelStyles } from './SettingsPanel.styles.js';
import { useSharedStyles } from './shared.styles.js';

const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** Topics in report order, each with its rules, for the settings list. */
const RULES_BY_TOPIC = TOPICS.map((topic) => ({ topic, rules: rules.filter((r) => r.topic === topic) })).filter((g) => g.rules.length > 0);

function RuleRow({ rule, setting, onChange }: { rule: (typeof rules)[number]; setting: RuleSetting | undefined; onChange: (v: RuleSetting | undefined) => void }) {
  const shared = useSharedStyles();
  const styles = useSettingsPanelStyles();
  const s = usePaneStrings();
  const id = useId();
  return (
    <li className={styles.rule}>
      <span className={styles.ruleText}>
        <Text id={id} size={200} className={setting ? styles.changed : undefined}>
          {rule.description[s.lang]}
        </Text>
        <Caption1 className={shared.muted}>{rule.id}</Caption1>
      </span>
      <Select
        size="small"
        className={styles.ruleSelect}
        aria-labelledby={id}
        value={setting ?? ''}
        onChange={(_, d) => onChange(d.value === '' ? undefined : (d.value as RuleSetting))}
      >
        <option value="">{s.ruleDefault(s.severity[rule.severity])}</option>
        {SEVERITIES.filter((sev) => sev !== rule.severity).map((sev) => (
          <option key={sev} value={sev}>
            {s.severity[sev]}
          </option>
        ))}
        <option value="off">{s.ruleOff}</option>
      </Select>
    </li>
  );
}

export interface SettingsPanelProps {
  settings: PaneSettings;
  /** The 预留分值 field, owned by the pane (its half-typed text blocks 校验). */
  reserved: ReactNode;
  disabled: boolean;
  onChange: (patch: Partial<PaneSettings>) => void;
  onOpenChange: (open: boolean) => void;
}

export function SettingsPanel({ settings, reserved, disabled, onChange, onOpenChange }: SettingsPanelProps) {
  const shared = useSharedStyles();
  const styles = useSettingsPanelStyles();
  const s = usePaneStrings();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const profileId = useId();
  const rulesId = useId();
  const changed = Object.keys(settings.rules ?? {}).length;
  const setRule = (id: string, value: RuleSetting | undefined) => {
    const next = { ...settings.rules };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange({ rules: Object.keys(next).length ? next : undefined });
  };
  return (
    <div className={shared.section}>
      <Button
        appearance="subtle"
        className={shared.disclosure}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          onOpenChange(!open);
        }}
      >
        <Text weight="semibold">{s.settingsTitle}</Text>
      </Button>
      {open && (
        <div id={panelId} role="group" aria-label={s.settingsTitle} className={styles.panel}>
          <Field label={s.profileLabel} hint={s.profileHint}>
            <Select
              id={profileId}
              value={settings.profile ?? ''}
              disabled={disabled}
              onChange={(_, d) => {
                const profile = d.value === '' ? undefined : (d.value as ProfileName);
                // A library edited for one template does not carry over to another.
                onChange(profile ? { profile, reservedPoints: PROFILES[profile].options.reservedPoints ?? 0, library: undefined } : { profile: undefined, library: undefined });
              }}
            >
              <option value="">{s.profileNone}</option>
              {PROFILE_NAMES.map((name) => (
                <option key={name} value={name}>
                  {PROFILES[name].label[s.lang]}
                </option>
              ))}
            </Select>
          </Field>
          {reserved}
          <LibraryEditor library={settings.library} profile={settings.profile} disabled={disabled} onChange={(library) => onChange({ library })} />
          <div role="group" aria-labelledby={rulesId} className={shared.section}>
            <div className={shared.row}>
              {/* Headings in order (h1 title, h2 规则, h3 topics), before the results' h2 come. */}
              <Text as="h2" id={rulesId} weight="semibold" className={styles.heading}>
                {s.rulesTitle}
              </Text>
              <Caption1 className={shared.muted}>{s.rulesChanged(changed)}</Caption1>
              <Button size="small" disabled={disabled || changed === 0} onClick={() => onChange({ rules: undefined })}>
                {s.rulesReset}
              </Button>
            </div>
            <Caption1 className={shared.muted}>{s.rulesHint}</Caption1>
            {RULES_BY_TOPIC.map((group) => (
              <div key={group.topic} role="group" aria-label={s.topic[group.topic]}>
                <h3 className={shared.h4}>{s.topic[group.topic]}</h3>
                <ul className={shared.plainList}>
                  {group.rules.map((rule) => (
                    <RuleRow key={rule.id} rule={rule} setting={settings.rules?.[rule.id]} onChange={(v) => setRule(rule.id, v)} />
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <Caption1 className={shared.muted}>{s.settingsHint}</Caption1>
        </div>
      )}
    </div>
  );
}
