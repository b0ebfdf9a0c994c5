// The WPS 加载项's adapter: the workflow's port over WPS 表格's window.Application.
export { createWpsAdapter, toWpsError, wpsSettingsStore, WPS_CAPABILITIES, type WpsAdapter, type WpsWriteSummary } from './adapter.js';
export * from './et.js';
