// The sample workbook inside the bundle (webpack inlines it as a data: URL, 11 KB), so the
// workbench opened from disk (file://) shows it: browsers refuse fetch() of file:// URLs.
import sampleDataUrl from '../../assets/samples/ningxian-2026.xlsx';

export const EMBEDDED_SAMPLE = { url: sampleDataUrl, name: 'ningxian-2026.xlsx' };
