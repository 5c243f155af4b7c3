/**
 * The console's colours (theme.ts), apart so that a unit test checks their contrast without
 * loading the UI (tests/unit/theme-contrast.test.ts).
 */
export const colours = {
  primary: '#1f5f74',
  primaryDark: '#123f4e',
  white: '#ffffff',
  canvas: '#f4f6f8',
  tableHead: '#f8fafb',
  text: '#1d2a33',
  textSecondary: '#5b6b78',
  success: '#2e7d4f',
  error: '#b3261e',
  // Darker than MUI's (#0288d1, #ed6c02: 3.9 and 3.1 to 1 under white text) for 4.5:1 in chips.
  info: '#0a6ba8',
  warning: '#b45309',
  // The focus ring: the primary colour on the light surfaces, white on the app bar.
  focusRing: '#1f5f74',
  focusRingOnAppBar: '#ffffff',
} as const;
