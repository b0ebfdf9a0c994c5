// What a 校验报告 was checked with — the template, the reserved points and the rules switched off
// or re-graded — so a reviewer reading it (or the next one) knows which settings gave its findings.
import { PROFILES, type ProfileName } from '../profiles/profiles.js';
import { rules } from '../rules/index.js';
import type { CheckOptions, Lang, RuleSetting } from '../types.js';
import { SEVERITY_NAMES } from './labels.js';

const WORDS = {
  zh: {
    template: '模板',
    noTemplate: '不指定（接受任何一级指标）',
    ownTemplate: (names: string) => `自定义（一级指标：${names}）`,
    reserved: '预留分值',
    points: (n: number) => `${n} 分`,
    rules: '规则设置',
    allDefault: '全部为默认',
    off: '关闭',
    regraded: (severity: string) => `改为${severity}`,
    list: '、',
    separator: '；',
  },
  en: {
    template: 'Template',
    noTemplate: 'None (any first-level indicator accepted)',
    ownTemplate: (names: string) => `Custom (first level: ${names})`,
    reserved: 'Reserved points',
    points: (n: number) => `${n} points`,
    rules: 'Rule settings',
    allDefault: 'All at their defaults',
    off: 'off',
    regraded: (severity: string) => `as ${severity.toLowerCase()}`,
    list: ', ',
    separator: '; ',
  },
};

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The template whose 一级 set the options carry, by the options alone (the session passes no name). */
export function templateOf(options: CheckOptions): ProfileName | undefined {
  const level1 = options.allowedLevel1;
  if (!level1) return undefined;
  return (Object.keys(PROFILES) as ProfileName[]).find((name) => sameList(PROFILES[name].options.allowedLevel1 ?? [], level1));
}

/** Rules set unlike their own severity, in the rules' order, as "id（关闭）". */
function changedRules(settings: Record<string, RuleSetting> | undefined, lang: Lang): string[] {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const rule of rules) {
    const setting = settings?.[rule.id];
    if (!setting || setting === rule.severity) continue;
    const what = setting === 'off' ? w.off : w.regraded(SEVERITY_NAMES[lang][setting]);
    out.push(lang === 'zh' ? `${rule.id}（${what}）` : `${rule.id} (${what})`);
  }
  return out;
}

/** Label and text of each line of the report's head, in both languages. */
export type CheckedWith = Record<Lang, [string, string][]>;

/**
 * What the report prints it was checked with: 模板, 预留分值, 规则设置, from the options the
 * check ran with. Made by the caller and handed to planReportSheet: the report module cannot
 * import the profiles (they import check.ts, which imports the report).
 */
export function checkedWith(options: CheckOptions): CheckedWith {
  return { zh: checkedWithLines(options, 'zh'), en: checkedWithLines(options, 'en') };
}

function checkedWithLines(options: CheckOptions, lang: Lang): [string, string][] {
  const w = WORDS[lang];
  const name = templateOf(options);
  const template = name ? PROFILES[name].label[lang] : options.allowedLevel1 ? w.ownTemplate(options.allowedLevel1.join(w.list)) : w.noTemplate;
  const changed = changedRules(options.rules, lang);
  return [
    [w.template, template],
    [w.reserved, w.points(options.reservedPoints ?? 0)],
    [w.rules, changed.length ? changed.join(w.separator) : w.allDefault],
  ];
}
