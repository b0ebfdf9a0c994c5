// Which way is better for an indicator, from its name when the table does not say (指标性质).
import { toHalfWidth } from '../sheet/text.js';

const LOWER_IS_BETTER = /(控制率|变动率|投诉率|差错率|成本|经费|费用)$/;

export function isLowerBetter(name: string): boolean {
  return LOWER_IS_BETTER.test(toHalfWidth(name).replace(/[\s()（）]/g, ''));
}
