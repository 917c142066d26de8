/** Badge text for a tab: the number of annotations, or "" when there are none. */
export function badgeText(count: number): string {
  return Number.isInteger(count) && count > 0 ? String(count) : '';
}
