// 共性指标库 in 设置: the profile's library, or the one edited here, which replaces it in the
// config JSON (the same `library` key a CLI --config file holds).
import { Button, Caption1, Field, Input, Text } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useId, useState, type FormEvent } from 'react';
import { PROFILES, type LibraryIndicator, type ProfileName } from '../../core/index.js';
import { usePaneStrings } from '../PaneStrings.js';
import { useLibraryEditorStyles } from './LibraryEditor.styles.js';
import { useSharedStyles } from './shared.styles.js';
import { DisclosureButton } from './Disclosure.js';

/** The library a check uses: the edited one, else the profile's, else none. */
export function libraryOf(library: LibraryIndicator[] | undefined, profile: ProfileName | undefined): readonly LibraryIndicator[] {
  return library ?? (profile ? PROFILES[profile].options.library : undefined) ?? [];
}

export interface LibraryEditorProps {
  library: LibraryIndicator[] | undefined;
  profile: ProfileName | undefined;
  disabled: boolean;
  /** undefined goes back to the profile's own library. */
  onChange: (library: LibraryIndicator[] | undefined) => void;
}

export function LibraryEditor({ library, profile, disabled, onChange }: LibraryEditorProps) {
  const shared = useSharedStyles();
  const styles = useLibraryEditorStyles();
  const s = usePaneStrings();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [level2, setLevel2] = useState('');
  const [unit, setUnit] = useState('');
  const [duplicate, setDuplicate] = useState(false);
  const panelId = useId();
  const entries = libraryOf(library, profile);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const entry = { name: name.trim(), level2: level2.trim(), unit: unit.trim() };
    if (!entry.name) return;
    if (entries.some((x) => x.name === entry.name)) {
      setDuplicate(true);
      return;
    }
    onChange([...entries.map((x) => ({ ...x })), entry]);
    setName('');
    setLevel2('');
    setUnit('');
  };
  const remove = (i: number) => onChange(entries.filter((_, j) => j !== i).map((x) => ({ ...x })));
  return (
    <div className={shared.section}>
      <DisclosureButton open={open} onToggle={() => setOpen(!open)} controls={panelId}>
        {s.libraryTitle(entries.length)}
      </DisclosureButton>
      {open && (
        <div id={panelId} role="group" aria-label={s.libraryTitle(entries.length)} className={shared.section}>
          <Caption1 className={shared.muted}>{s.libraryHint}</Caption1>
          {library && (
            <div className={shared.row}>
              <Caption1>{s.libraryEdited}</Caption1>
              <Button size="small" disabled={disabled} onClick={() => onChange(undefined)}>
                {s.libraryReset}
              </Button>
            </div>
          )}
          {entries.length === 0 ? (
            <Caption1 className={shared.muted}>{s.libraryEmpty}</Caption1>
          ) : (
            // Focusable so a keyboard user can scroll the list.
            <ul className={`${shared.plainList} ${styles.list}`} aria-label={s.libraryTitle(entries.length)} tabIndex={0}>
              {entries.map((x, i) => (
                <li key={`${x.name}-${i}`} className={styles.entry}>
                  <span className={styles.entryText}>
                    <Text size={200}>{x.name}</Text>
                    <Caption1 className={shared.muted}>{[x.level2, x.unit].filter(Boolean).join(' · ') || '—'}</Caption1>
                  </span>
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={s.libraryRemove(x.name)} disabled={disabled} onClick={() => remove(i)} />
                </li>
              ))}
            </ul>
          )}
          <form className={styles.add} onSubmit={add} aria-label={s.libraryAdd}>
            <Field label={s.libraryName} validationState={duplicate ? 'error' : 'none'} validationMessage={duplicate ? s.libraryDuplicate : undefined}>
              <Input
                size="small"
                value={name}
                maxLength={100}
                disabled={disabled}
                onChange={(_, d) => {
                  setName(d.value);
                  setDuplicate(false);
                }}
              />
            </Field>
            <Field label={s.libraryLevel2}>
              <Input size="small" value={level2} maxLength={50} disabled={disabled} onChange={(_, d) => setLevel2(d.value)} />
            </Field>
            <Field label={s.libraryUnit}>
              <Input size="small" value={unit} maxLength={20} disabled={disabled} onChange={(_, d) => setUnit(d.value)} />
            </Field>
            <Button type="submit" size="small" disabled={disabled || name.trim() === ''}>
              {s.libraryAdd}
            </Button>
          </form>
        </div>
      )}
    </div>
  );
}
