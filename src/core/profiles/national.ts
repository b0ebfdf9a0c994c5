// The national form's defaults (财预〔2020〕10号): 产出 50, 效益 30, 满意度 10, 10 reserved for 预算执行率.
export const NATIONAL_WEIGHTS: Readonly<Record<string, number>> = { 产出指标: 50, 效益指标: 30, 满意度指标: 10 };
