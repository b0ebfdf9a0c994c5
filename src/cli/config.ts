// The check options of a run: --config's JSON, --reserved, and --previous (last year's table).
import { promises as fs } from 'node:fs';
import { checkWorkbook, ConfigError, parseConfig, type CheckOptions } from '../core/index.js';
import { snapshotOf } from '../adapters/exceljs/snapshot.js';
import { InputError, readWorkbookFile, type OpenedWorkbook } from '../adapters/exceljs/readWorkbook.js';
import type { CliOptions } from './args.js';

/** The check options: the --config file's, with --reserved taking precedence. */
export async function readConfig(options: CliOptions): Promise<CheckOptions> {
  let checkOptions: CheckOptions = {};
  if (options.config) {
    const file = options.config;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(
        code === 'ENOENT'
          ? { zh: `找不到设置文件：${file}`, en: `Settings file not found: ${file}` }
          : { zh: `无法读取设置文件 ${file}：${(e as Error).message}`, en: `Cannot read the settings file ${file}: ${(e as Error).message}` },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ConfigError({ zh: `设置文件 ${file} 不是有效的 JSON：${(e as Error).message}`, en: `The settings file ${file} is not valid JSON: ${(e as Error).message}` });
    }
    try {
      checkOptions = parseConfig(json).options;
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError({ zh: `设置文件 ${file}：${e.text.zh}`, en: `Settings file ${file}: ${e.text.en}` }, e.key);
      throw e;
    }
  }
  if (options.reserved !== undefined) checkOptions = { ...checkOptions, reservedPoints: options.reserved };
  if (options.previous) {
    // Last year's table, checked with the same settings: its indicators (and actuals) are this year's yardstick.
    let opened: OpenedWorkbook;
    try {
      opened = await readWorkbookFile(options.previous);
    } catch (e) {
      const text = e instanceof InputError ? e.text : { zh: String((e as Error).message), en: String((e as Error).message) };
      throw new ConfigError({ zh: `上年表 --previous：${text.zh}`, en: `Last year's table --previous: ${text.en}` });
    }
    const last = checkWorkbook(snapshotOf(opened.workbook), checkOptions);
    if (last.tables.length === 0) throw new ConfigError({ zh: `上年表 ${options.previous} 中没有找到绩效目标表`, en: `No performance target table in last year's ${options.previous}` });
    checkOptions = { ...checkOptions, previous: last.tables.flatMap((t) => t.indicators) };
  }
  return checkOptions;
}
