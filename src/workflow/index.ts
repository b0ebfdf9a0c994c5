// The workflow's only door: the session every host runs, the port its adapter implements, and
// how settings are kept.
export {
  createSession,
  localDate,
  runAccept,
  runCheck,
  runClear,
  runReport,
  type AcceptanceChange,
  type RunCheckOptions,
  type Session,
  type SessionOptions,
} from './session.js';
export type { AnnotationMode, CheckResult, PaneCapabilities, PanePort, ReportWritten, WorkbookPort, WrittenColumn } from './port.js';
export {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  checkOptionsOf,
  isValidReservedPoints,
  localStorageSettingsStore,
  memorySettingsStore,
  normalizeSettings,
  toStoredSettings,
  type FindingGrouping,
  type KeyValueStorage,
  type PaneSettings,
  type SettingsStore,
} from './settings.js';
export {
  SETTINGS_PROPERTY,
  PROPERTY_TEXT_LIMIT,
  documentSettingsStore,
  readSettingsProperties,
  settingsProperties,
  splitText,
  type DocumentProperties,
} from './documentSettings.js';
