// How the 校验报告 sheet's styles look, for every adapter that writes it (the Office.js adapter and
// the package writer), so the sheet looks the same in Excel and in the CLI's copy.
import type { ReportStyle } from '../core/index.js';

export interface ReportFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB". */
  color?: string;
}

export const REPORT_FONTS: Record<ReportStyle, ReportFont> = {
  title: { bold: true, size: 16 },
  heading: { bold: true, size: 13 },
  header: { bold: true },
  label: { bold: true },
  total: { bold: true },
  error: { bold: true, color: '#C50F1F' },
  warning: { bold: true, color: '#8A6100' },
  info: { color: '#0F6CBD' },
  accepted: { italic: true, color: '#616161' },
};

/** Excel's hyperlink blue. */
export const LINK_COLOR = '#0563C1';

/** The fill of the report's header rows. */
export const HEADER_FILL = '#F0F0F0';
