// The labels of 一级/二级 groups and template slots: 「产出指标(50分)」 reads as its name and
// points; 「指标1：」「……」「/」 rows are empty slots of a template, not indicators.
import { normaliseLabel, toHalfWidth } from '../sheet/text.js';

/** A 一级/二级 label as named, without breaks and with the points it states: 「产出指标\n(50分)」 → 产出指标, 50. */
export const levelCache = new Map<string, { name: string; points?: number }>();

export function levelLabel(text: string): { name: string; points?: number } {
  // The same few labels repeat on every row of a filled-down table.
  let hit = levelCache.get(text);
  if (!hit) {
    hit = readLevelLabel(text);
    if (levelCache.size > 5000) levelCache.clear();
    levelCache.set(text, hit);
  }
  return hit;
}

export function readLevelLabel(text: string): { name: string; points?: number } {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(.+?)\((?:权重)?(\d+(?:\.\d+)?)分?\)$|^(.+?)(\d+(?:\.\d+)?)分$/.exec(t);
  if (m) {
    const name = m[1] ?? m[3];
    if (!/\d$/.test(name)) return { name, points: Number(m[2] ?? m[4]) };
  }
  return { name: t };
}

/** 「指标1：」「指标2」「……」「/」: a printed template's empty slot. */
export const SLOT = /^(指标\d+[:：]?|[…．.。·]+|[/／\\]|[—\-－_]+|无)$/;
export const SLOT_PREFIX = /^指标\d+[:：]?\s*/;
/** What a template leaves in a slot's other cells. */
export const PLACEHOLDER = /^([/／\\]|[—\-－_]+|[…．.。·]+)$/;

export function isSlotRow(name: string, others: () => string[]): boolean {
  if (name === '' || name.length > 8) return false;
  const n = toHalfWidth(name).replace(/\s+/g, '');
  if (!SLOT.test(n)) return false;
  return others().every((t) => t === '' || PLACEHOLDER.test(toHalfWidth(t).replace(/\s+/g, '')));
}

/** 「指标1:年度资金支付完成率100%」 → 年度资金支付完成率100%; a bare 「指标1：」 beside a value names nothing. */
export function stripSlotPrefix(name: string): string {
  return name.replace(SLOT_PREFIX, '');
}

/** 正向 / 反向 in 指标性质 (or 指标方向): which way is better. */
export function directionOf(text: string): 'higher' | 'lower' | undefined {
  const t = normaliseLabel(text);
  if (/^(正向|正向指标|越高越好|越大越好)$/.test(t)) return 'higher';
  if (/^(反向|反向指标|越低越好|越小越好)$/.test(t)) return 'lower';
  return undefined;
}
