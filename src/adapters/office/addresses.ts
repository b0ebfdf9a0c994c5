// Sheet-qualified A1 addresses as Excel writes them: "Sheet1!A1:B2", "'My sheet'!C3" (quotes
// doubled inside), and area lists "Sheet1!A1:B2, Sheet1!D4" from RangeAreas.address.

/** Splits at commas outside quoted sheet names; each area keeps its own sheet prefix. */
export function splitAreaList(list: string): string[] {
  const areas: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current.trim()) areas.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) areas.push(current.trim());
  return areas;
}

export interface QualifiedAddress {
  /** Sheet name, unquoted; undefined when the address had no sheet. */
  sheet?: string;
  /** The A1 part, without "$". */
  area: string;
}

export function parseQualified(text: string): QualifiedAddress {
  const bang = text.lastIndexOf('!');
  const area = text.slice(bang + 1).replace(/\$/g, '').trim();
  if (bang < 0) return { area };
  const prefix = text.slice(0, bang).trim();
  const sheet = prefix.startsWith("'") && prefix.endsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return { sheet, area };
}

/** "'Sheet name'!A1" — always quoted, which Excel accepts for any name. */
export function qualify(sheet: string, area: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${area}`;
}
