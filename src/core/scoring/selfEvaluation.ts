// Year-end self-evaluation scores (DOMAIN.md §4), after 财预〔2020〕10号 as budget systems
// implement it: w = 分值, t = target, a = actual, scores rounded to 0.01.
// Pure: takes already-parsed values, returns a score, a note saying how, and problems
// that the rule layer turns into findings.
import type { Comparator, LocalizedText, ParsedValue } from '../types.js';
import { roundCents, toHalfWidth } from '../sheet/text.js';
import { normaliseUnit } from '../sheet/value.js';

export interface SelfEvalProblem {
  kind: 'actual-missing' | 'actual-not-number' | 'unit-mismatch' | 'over-target' | 'actual-unrecognised';
  message: LocalizedText;
}

export interface SelfEvalScore {
  score: number;
  note: LocalizedText;
  problems: SelfEvalProblem[];
}

export interface QuantitativeInput {
  /** 分值 of the row. */
  points: number;
  target: ParsedValue;
  actual: ParsedValue;
  /** 三级指标 name; a 成本 row without comparator is scored lower-is-better. */
  name: string;
  /** 度量单位 of the row ("" when blank). */
  unit: string;
  /** Score as ≤ when the target has no comparator (the caller knows the row is a cost). */
  lowerIsBetter?: boolean;
}

export interface QualitativeInput {
  points: number;
  actualText: string;
  targetText: string;
}

/** The one rounding to 0.01 of the core (text.ts). */
const round2 = roundCents;

/** Full-width → half-width, no spaces at all (for matching words and units). */
function squeeze(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '');
}

/** Units compared the way a reader would: the parser's normalisation, and "百分点" = "%". */
function unitKey(unit: string): string {
  const u = normaliseUnit(unit);
  return u === '百分点' ? '%' : u;
}

const num = (n: number): string => String(Number(n.toPrecision(12)));
const pts = (n: number): string => round2(n).toFixed(2);

function text(zh: string, en: string): LocalizedText {
  return { zh, en };
}

type Direction = 'higher' | 'lower' | 'equal';

function directionOf(input: QuantitativeInput): Direction {
  const c: Comparator | undefined = input.target.comparator;
  if (c === '>=' || c === '>') return 'higher';
  if (c === '<=' || c === '<') return 'lower';
  if (c === '=') return 'equal';
  const cost = input.lowerIsBetter ?? squeeze(input.name).includes('成本');
  return cost ? 'lower' : 'higher';
}

function zero(note: LocalizedText, problems: SelfEvalProblem[] = []): SelfEvalScore {
  return { score: 0, note, problems };
}

/** Partial scores never exceed the points, even for points that are not whole cents. */
function partial(w: number, factor: number): number {
  return Math.min(w, Math.max(0, round2(w * factor)));
}

/**
 * Score a 定量 row against its actual value.
 *
 * Cases the standard leaves open, decided here:
 * - points ≤ 0 or not finite: score 0 (nothing to earn).
 * - target missing or not a number: score 0 without a problem of its own; the 指标值 rules
 *   already report the target as an error.
 * - ≥/> (and no comparator) with t ≤ 0: a ≥ t → w, else 0 (a ratio to t ≤ 0 means nothing).
 * - ≤/< with t < 0 (a required decrease, e.g. 变动率 ≤ −5%): like t = 0, 10 % of w off per
 *   point (percentage point when the unit is %) above t, floor 0.
 * - = with t < 0: a = t → w, else 0.
 */
export function scoreQuantitative(input: QuantitativeInput): SelfEvalScore {
  const { target, actual } = input;
  const w = Number.isFinite(input.points) && input.points > 0 ? input.points : 0;
  // The target's own unit wins over 度量单位 (the 指标值 rules report when they disagree).
  const u = unitKey(target.unit) || unitKey(input.unit);

  if (actual.kind === 'empty' || actual.raw.trim() === '') {
    return zero(text('实际完成值为空，得 0 分', 'actual value is empty: 0 points'), [
      {
        kind: 'actual-missing',
        message: text(
          '实际完成值为空，请填写全年实际完成情况',
          'The actual value is empty; fill in the result achieved over the year.',
        ),
      },
    ]);
  }
  if (actual.kind !== 'number' || actual.number === undefined || !Number.isFinite(actual.number)) {
    return zero(text(`实际完成值「${actual.raw}」不是数值，得 0 分`, `actual value "${actual.raw}" is not a number: 0 points`), [
      {
        kind: 'actual-not-number',
        message: text(
          `定量指标的实际完成值「${actual.raw}」不是数值，请填写数字（可带单位，如 95%）`,
          `The actual value "${actual.raw}" of a quantitative indicator is not a number; enter a number (a unit may follow, e.g. 95%).`,
        ),
      },
    ]);
  }
  const actualUnit = unitKey(actual.unit);
  // Compare only units actually written on both sides: a bare number is taken in the row's unit,
  // and a % format on the actual beside a unitless target is the same figure.
  if (actualUnit !== '' && u !== '' && actualUnit !== u) {
    return zero(
      text(`实际完成值单位「${actual.unit}」与目标单位「${u}」不一致，得 0 分`, `actual unit "${actual.unit}" differs from target unit "${u}": 0 points`),
      [
        {
          kind: 'unit-mismatch',
          message: text(
            `实际完成值的单位「${actual.unit}」与目标的单位「${u}」不一致，请按度量单位「${u}」填写实际完成值`,
            `The actual value's unit "${actual.unit}" differs from the target's unit "${u}"; enter the actual value in ${u}.`,
          ),
        },
      ],
    );
  }
  if (target.kind !== 'number' || target.number === undefined || !Number.isFinite(target.number)) {
    return zero(text('目标值不是数值，无法计分，得 0 分', 'target value is not a number, cannot score: 0 points'));
  }

  const t = target.number;
  const a = actual.number;
  const direction = directionOf(input);
  const at = `${num(a)}${u}`;
  const tt = `${num(t)}${u}`;
  const full = (zhRel: string, enRel: string): SelfEvalScore => ({
    score: w,
    note: text(`实际 ${at} ${zhRel} 目标 ${tt}，得满分 ${pts(w)}`, `actual ${at} ${enRel} target ${tt}, full points ${pts(w)}`),
    problems: [],
  });

  if (direction === 'lower') {
    if (a <= t) return full('≤', '≤');
    if (t > 0) {
      const over = (a - t) / t;
      if (a >= 2 * t) {
        return zero(
          text(
            `实际 ${at} 达到目标 ${tt} 的 2 倍及以上，得 0 分`,
            `actual ${at} is at least twice the target ${tt}: 0 points`,
          ),
        );
      }
      const score = partial(w, 1 - over);
      const overPct = num(round2(over * 100));
      const factor = num(Number(over.toFixed(4)));
      return {
        score,
        note: text(
          `实际 ${at} 超出目标 ${tt} 的 ${overPct}%，${pts(w)} × (1 − ${factor}) = ${pts(score)}`,
          `actual ${at} exceeds target ${tt} by ${overPct}%, ${pts(w)} × (1 − ${factor}) = ${pts(score)}`,
        ),
        problems: [],
      };
    }
    // t ≤ 0: 10 % of w off per point above the target (percentage points for %).
    const over = a - t;
    const score = partial(w, 1 - 0.1 * over);
    const zhOver = u === '%' ? `${num(over)} 个百分点` : `${num(over)}${u}`;
    const enOver = u === '%' ? `${num(over)} percentage points` : `${num(over)}${u === '' ? '' : ` ${u}`}`;
    const factor = num(Number((0.1 * over).toFixed(4)));
    return {
      score,
      note: text(
        `实际 ${at} 比目标 ${tt} 高 ${zhOver}，每超 1 ${u === '%' ? '个百分点' : `${u || '单位'}`}扣分值的 10%，${pts(w)} × (1 − ${factor}) = ${pts(score)}`,
        `actual ${at} exceeds target ${tt} by ${enOver}, 10% of the points off per ${u === '%' ? 'percentage point' : u || 'unit'}: ${pts(w)} × (1 − ${factor}) = ${pts(score)}`,
      ),
      problems: [],
    };
  }

  if (direction === 'equal' && t <= 0) {
    const hit = t === 0 ? a <= 0 : a === t;
    if (hit) return full(t === 0 ? '≤' : '=', t === 0 ? '≤' : '=');
    return zero(text(`实际 ${at} 未达到目标 ${tt}，得 0 分`, `actual ${at} misses target ${tt}: 0 points`));
  }

  // ≥, >, = with t > 0, no comparator (not a cost).
  if (a >= t) {
    const result = full('≥', '≥');
    // a ≥ 1.2 t, on the ratio trimmed of float noise (0.12 / 0.1 is 1.1999999999999997).
    if (t > 0 && Number((a / t).toPrecision(12)) >= 1.2) {
      const pct = num(round2((a / t) * 100));
      result.problems.push({
        kind: 'over-target',
        message: text(
          `实际完成值 ${at} 达到目标 ${tt} 的 ${pct}%（≥120%），目标可能设定偏低，请复核目标值`,
          `The actual value ${at} is ${pct}% of the target ${tt} (≥ 120%); the target may have been set too low, review it.`,
        ),
      });
    }
    return result;
  }
  if (t <= 0) {
    return zero(text(`实际 ${at} 低于目标 ${tt}，得 0 分`, `actual ${at} is below target ${tt}: 0 points`));
  }
  const score = partial(w, Math.max(0, a) / t);
  const negative = a < 0;
  return {
    score,
    note: text(
      `实际 ${negative ? `${at}（负数按 0 计）` : at} / 目标 ${tt} × ${pts(w)} = ${pts(score)}`,
      `actual ${negative ? `${at} (negative counts as 0)` : at} / target ${tt} × ${pts(w)} = ${pts(score)}`,
    ),
    problems: [],
  };
}

// 定性 tiers, longest forms first: 未达成… and 部分达成… both contain 达成.
const FULL = 1;
const PART = 0.7;
const MISS = 0.3;

const LONG_TIERS: [string, number][] = [
  ['部分达成年度指标并具有一定效果', PART],
  ['部分达成预期指标并具有一定效果', PART],
  ['未达成年度指标且效果较差', MISS],
  ['未达成预期指标且效果较差', MISS],
  ['达成年度指标', FULL],
  ['达成预期指标', FULL],
];

const SHORT_TIERS: [string, number][] = [
  ['部分达成', PART],
  ['部分完成', PART],
  ['未达成', MISS],
  ['未完成', MISS],
  ['全部达成', FULL],
  ['全部完成', FULL],
  ['已达成', FULL],
  ['已完成', FULL],
  ['达成', FULL],
  ['完成', FULL],
];

const YES = new Set(['是', '有']);
const NO = new Set(['否', '无']);
/** Targets that ask for something not to happen (是否发生安全事故: 否). */
const NO_TARGETS = new Set(['否', '无', '没有', '未发生', '不发生', '杜绝']);

/** Normalised 定性 text: half-width, no spaces, no closing punctuation. */
function qualitativeKey(s: string): string {
  return squeeze(s).replace(/[。.，,；;！!]+$/, '');
}

function tierOf(actual: string, target: string): { factor: number; matched: string } | undefined {
  if (target !== '' && actual === target) return { factor: FULL, matched: actual };
  // A long form may carry a remark after it ("达成年度指标，效果良好").
  for (const [form, factor] of LONG_TIERS) if (actual.startsWith(form)) return { factor, matched: form };
  for (const [form, factor] of SHORT_TIERS) if (actual === form) return { factor, matched: form };
  if (YES.has(actual) || NO.has(actual)) {
    const wantsNo = NO_TARGETS.has(target);
    const hit = YES.has(actual) !== wantsNo;
    return { factor: hit ? FULL : MISS, matched: actual };
  }
  return undefined;
}

/**
 * Score a 定性 row: 达成 → w, 部分达成…并具有一定效果 → 0.7 w, 未达成…且效果较差 → 0.3 w;
 * an actual equal to the target text (健全 for 健全) → w; 是/否 against the target's sense.
 */
export function scoreQualitative(input: QualitativeInput): SelfEvalScore {
  const w = Number.isFinite(input.points) && input.points > 0 ? input.points : 0;
  const actual = qualitativeKey(input.actualText);
  const target = qualitativeKey(input.targetText);
  const shown = input.actualText.trim();
  if (actual === '') {
    return zero(text('实际完成值为空，得 0 分', 'actual value is empty: 0 points'), [
      {
        kind: 'actual-missing',
        message: text(
          '实际完成值为空，请填写全年实际完成情况',
          'The actual value is empty; fill in the result achieved over the year.',
        ),
      },
    ]);
  }
  const tier = tierOf(actual, target);
  if (tier === undefined) {
    return zero(text(`实际完成值「${shown}」无法识别，得 0 分`, `actual value "${shown}" not recognised: 0 points`), [
      {
        kind: 'actual-unrecognised',
        message: text(
          `定性指标的实际完成值「${shown}」无法识别，请填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”`,
          `The actual value "${shown}" of a qualitative indicator is not recognised; enter 达成年度指标 (achieved), 部分达成年度指标并具有一定效果 (partly achieved) or 未达成年度指标且效果较差 (not achieved).`,
        ),
      },
    ]);
  }
  if (tier.factor === FULL) {
    return {
      score: w,
      note:
        target !== '' && actual === target
          ? text(`实际「${shown}」与目标一致，得满分 ${pts(w)}`, `actual "${shown}" matches the target, full points ${pts(w)}`)
          : text(`实际「${shown}」，达成目标，得满分 ${pts(w)}`, `actual "${shown}": achieved, full points ${pts(w)}`),
      problems: [],
    };
  }
  const score = partial(w, tier.factor);
  const pct = Math.round(tier.factor * 100);
  const zhTier = tier.factor === PART ? '部分达成' : '未达成';
  const enTier = tier.factor === PART ? 'partly achieved' : 'not achieved';
  return {
    score,
    note: text(
      `实际「${shown}」，${zhTier}，按分值的 ${pct}% 计：${pts(w)} × ${tier.factor} = ${pts(score)}`,
      `actual "${shown}": ${enTier}, ${pct}% of the points: ${pts(w)} × ${tier.factor} = ${pts(score)}`,
    ),
    problems: [],
  };
}

/**
 * A 定性 row's 得分 as a filled 自评表 publishes it. 10号 leaves the figure to the evaluator within
 * a tier's range (达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of w), so a published figure inside
 * the range of the tier we read is taken as it is; where we cannot read the tier, so is any figure
 * from 0 to w. Otherwise our own score stands and the audit reports the difference.
 */
export function withPublishedQualitative(ours: SelfEvalScore, points: number, published: number): SelfEvalScore {
  const w = Number.isFinite(points) && points > 0 ? points : 0;
  if (published < 0 || published > w + 0.005) return ours;
  const unread = ours.problems.some((p) => p.kind === 'actual-unrecognised');
  const factor = w > 0 ? ours.score / w : 0;
  const [low, high] = unread ? [0, 1] : factor >= FULL - 1e-9 ? [0.8, 1] : factor >= PART - 1e-9 ? [0.6, 0.8] : [0, 0.6];
  if (published < low * w - 0.005 || published > high * w + 0.005) return ours;
  return {
    score: round2(published),
    note: text(`定性指标按表中评定的得分 ${pts(published)} 计（在该档 ${Math.round(low * 100)}%–${Math.round(high * 100)}% 的分值范围内）`, `qualitative: the table's own ${pts(published)} is taken (within the tier's ${Math.round(low * 100)}–${Math.round(high * 100)} % of the points)`),
    problems: ours.problems.filter((p) => p.kind !== 'actual-unrecognised'),
  };
}
