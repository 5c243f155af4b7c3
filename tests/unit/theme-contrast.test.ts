import { describe, expect, it } from 'vitest';
import { colours } from '../../admin/src/colours';
import { contrastRatio } from '../../admin/src/common/contrast';

/**
 * The console's colours against WCAG 2.1 AA: text 4.5:1 (1.4.3), the focus ring 3:1 against
 * the surfaces it is drawn on (1.4.11). The browser test checks the rendered pages with axe.
 */
describe('the console theme’s contrast (WCAG 2.1 AA)', () => {
  it('computes WCAG’s ratio: black on white 21:1, a colour on itself 1:1, MUI’s warning orange 3.1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1f5f74', '#1f5f74')).toBe(1);
    expect(contrastRatio('#ffffff', '#ed6c02')).toBeCloseTo(3.11, 2);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/#rrggbb/);
  });

  it('gives chips and status text 4.5:1: white on the colour, the colour on white and on the canvas (1.4.3)', () => {
    for (const name of ['primary', 'success', 'error', 'info', 'warning'] as const) {
      expect(contrastRatio(colours.white, colours[name]), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(colours[name], colours.canvas), name).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio(colours.textSecondary, colours.canvas)).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a focus ring of 3:1 on the pages, the table heads and the app bar (1.4.11)', () => {
    for (const surface of [colours.white, colours.canvas, colours.tableHead]) {
      expect(contrastRatio(colours.focusRing, surface), surface).toBeGreaterThanOrEqual(3);
    }
    expect(contrastRatio(colours.focusRingOnAppBar, colours.primary)).toBeGreaterThanOrEqual(3);
  });
});
