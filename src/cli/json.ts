// The JSON output (--json): a contract other tools rely on, so fields are only ever added.
import type { Lang, TableReport } from '../core/index.js';
import type { FileResult } from './checkFile.js';
import { findingKey } from './textReport.js';

/** The JSON contract other tools rely on. */
export function toJson(result: FileResult, lang: Lang): unknown {
  const msg = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  return {
    file: result.file,
    tables: (result.report?.tables ?? []).map((t: TableReport) => ({
      sheet: t.sheet,
      headerRow: t.headerRow,
      range: t.range,
      unitName: t.unitName,
      stage: t.stage,
      indicators: t.indicators.map((i) => ({
        row: i.row,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        type: i.type,
        value: i.valueText,
        unit: i.unit,
        ...(i.actualText !== undefined ? { actual: i.actualText } : {}),
        ...(i.publishedScore !== undefined ? { publishedScore: i.publishedScore } : {}),
        points: i.points,
        score: i.score,
        status: i.status,
      })),
      findings: t.findings.map((f) => ({
        rule: f.rule,
        ...(f.messageId ? { messageId: f.messageId } : {}),
        severity: f.severity,
        topic: f.topic,
        dimension: f.dimension,
        cells: f.cells,
        message: msg(f.message),
        ...(f.accepted ? { accepted: f.accepted } : {}),
        ...(result.claims?.has(findingKey(f)) ? { fileAcceptance: result.claims.get(findingKey(f)) } : {}),
      })),
      acceptedCount: t.findings.filter((f) => f.accepted).length,
      fileAcceptanceCount: t.findings.filter((f) => result.claims?.has(findingKey(f))).length,
      totals: t.totals,
      ...(t.execution ? { execution: t.execution } : {}),
      ...(t.otherColumns ? { otherColumns: t.otherColumns } : {}),
      ...(t.slotRows ? { slotRows: t.slotRows } : {}),
      ...(t.individual ? { individual: t.individual } : {}),
    })),
    ...(result.report && result.report.tables.length === 0 ? { sheetsWithoutTable: result.report.sheetsWithoutTable } : {}),
    ...(result.output ? { output: result.output } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}
