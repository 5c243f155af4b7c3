/**
 * Where a key moves the focus in the side menu, whose items sit in labelled groups (the sections):
 * MUI's MenuList only walks its direct children, so the arrows would skip a section's items.
 * Returns the index of the item to focus among `labels` (the items' texts, in order), or null
 * when the key is not the menu's: Arrow up and down wrap round, Home and End go to the ends, a
 * letter goes to the next item whose text starts with it (as in any ARIA menu).
 */
export function menuKeyTarget(key: string, current: number, labels: readonly string[]): number | null {
  const count = labels.length;
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
  if (key.length !== 1 || key === ' ') return null;
  const letter = key.toLocaleLowerCase();
  for (let step = 1; step <= count; step++) {
    const index = (current + step + count) % count;
    if (labels[index].trim().toLocaleLowerCase().startsWith(letter)) return index;
  }
  return null;
}
