// The provinces' templates as named profiles: each owns its label, its 一级 set, its weights, its
// reserved points, the 二级 it requires and its 共性指标 library. The config parser is config.ts.
import type { CheckOptions, LocalizedText } from '../types.js';
import { NATIONAL_WEIGHTS } from './national.js';
import { GANSU_COUNTY_LIBRARY, NATIONAL_LIBRARY } from './libraryData.js';

export type ProfileName = 'gansu-county' | 'national';

export interface Profile {
  name: ProfileName;
  label: LocalizedText;
  options: CheckOptions;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  'gansu-county': {
    name: 'gansu-county',
    label: { zh: '甘肃县级部门整体支出绩效目标表', en: 'Gansu county department template' },
    options: { allowedLevel1: ['基本运行指标', '重点履职指标', '部门综合指标', '可持续发展能力指标'], reservedPoints: 0, library: [...GANSU_COUNTY_LIBRARY] },
  },
  national: {
    name: 'national',
    label: { zh: '全国通用（财预〔2020〕10号）', en: 'National form (Cai Yu [2020] No. 10)' },
    options: {
      allowedLevel1: ['产出指标', '效益指标', '满意度指标', '成本指标'],
      level1Weights: { ...NATIONAL_WEIGHTS },
      reservedPoints: 10,
      // The 财预〔2020〕10号 framework's 二级 under 产出 (成本 required since 财预〔2021〕101号) and 满意度.
      requiredLevel2: { 产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'], 满意度指标: ['服务对象满意度指标'] },
      library: [...NATIONAL_LIBRARY],
    },
  },
};

/** Points reserved outside the table: from 0 up to, not including, 100 (the one check every host uses). */
export function isValidReservedPoints(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n < 100;
}
