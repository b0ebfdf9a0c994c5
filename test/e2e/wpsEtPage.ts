// Bundled by test/e2e/wps.test.ts and run in the page before anything else: the simulated ET
// over the workbook the test hands in (window.__jixiaoSeed), installed as window.Application, as
// WPS provides it to an add-in's pages. window.__jixiaoEt lets the test look at the model.
import { createEt } from '../../src/adapters/simulator/et/index.js';
import { createSheet, type CellModel, type WorkbookModel } from '../../src/adapters/simulator/index.js';

export interface SeedSheet {
  name: string;
  cells: [string, CellModel][];
  merges: string[];
  protected: boolean;
}

const seed = (window as unknown as { __jixiaoSeed: { sheets: SeedSheet[]; activeSheet: string } }).__jixiaoSeed;
const model: WorkbookModel = {
  sheets: seed.sheets.map((s) => ({ ...createSheet(s.name, { merges: s.merges, protected: s.protected }), cells: new Map(s.cells) })),
  activeSheet: seed.activeSheet,
  selection: null,
};
const et = createEt(model, { workbookName: 'ningxian-2026.xlsx' });
Object.defineProperty(window, 'Application', { value: et.application, configurable: true });
(window as unknown as { __jixiaoEt: typeof et }).__jixiaoEt = et;
