// Settings kept in the workbook itself, as custom document properties, so they travel with the
// file to the next reviewer in Excel, WPS, the workbench and the CLI alike. A text property holds
// at most 255 characters (Office's and WPS's object models refuse longer ones), so the stored
// JSON is split: "jixiao-check.settings" holds the number of parts, "jixiao-check.settings.1" … the parts.
import { toStoredSettings, type PaneSettings, type SettingsStore } from './settings.js';

export const SETTINGS_PROPERTY = 'jixiao-check.settings';
/** Longest text a custom document property holds. */
export const PROPERTY_TEXT_LIMIT = 255;

/** The custom properties of one workbook, as a host's adapter reads and writes them. */
export interface DocumentProperties {
  /** The property's text, or undefined when the workbook has no such property. */
  get(name: string): string | undefined | Promise<string | undefined>;
  /** Sets these properties (adding those that are missing) and removes `remove`. */
  update(set: [string, string][], remove: string[]): void | Promise<void>;
}

const partName = (n: number) => `${SETTINGS_PROPERTY}.${n}`;

/** `text` in parts of at most `limit` UTF-16 units, never splitting a surrogate pair. */
export function splitText(text: string, limit = PROPERTY_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + limit, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}

/** The properties that store `settings` (the count first, then the parts). */
export function settingsProperties(settings: PaneSettings): [string, string][] {
  const parts = splitText(JSON.stringify(toStoredSettings(settings)));
  return [[SETTINGS_PROPERTY, String(parts.length)], ...parts.map((p, i): [string, string] => [partName(i + 1), p])];
}

/**
 * The stored settings' JSON text read back, or null when the workbook has none or its parts are
 * incomplete (a part missing: the settings are treated as absent rather than half-read).
 */
export async function readSettingsProperties(props: Pick<DocumentProperties, 'get'>): Promise<string | null> {
  const count = Number((await props.get(SETTINGS_PROPERTY))?.trim());
  if (!Number.isInteger(count) || count < 1 || count > 1000) return null;
  let text = '';
  for (let i = 1; i <= count; i++) {
    const part = await props.get(partName(i));
    if (part === undefined) return null;
    text += part;
  }
  return text;
}

/** A settings store over a workbook's custom properties; parts left over from a longer save are removed. */
export function documentSettingsStore(props: DocumentProperties): SettingsStore {
  return {
    load: () => readSettingsProperties(props),
    async save(settings) {
      const set = settingsProperties(settings);
      const before = Number((await props.get(SETTINGS_PROPERTY))?.trim());
      const remove: string[] = [];
      if (Number.isInteger(before)) for (let i = set.length; i <= Math.min(before, 1000); i++) remove.push(partName(i));
      await props.update(set, remove);
    },
  };
}
