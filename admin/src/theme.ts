import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * A calm, light theme: slate-teal primary, soft grey canvas, flat cards with
 * hairline borders. Fonts come from the operating system (no web font is
 * downloaded), falling back to MUI's usual families.
 */
const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  'sans-serif',
].join(',');

export const monospaceFontFamily = [
  'ui-monospace',
  'SFMono-Regular',
  '"SF Mono"',
  'Menlo',
  'Consolas',
  '"Liberation Mono"',
  'monospace',
].join(',');

const border = '#dde3ea';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1f5f74', light: '#4f8ca1', dark: '#123f4e', contrastText: '#ffffff' },
    secondary: { main: '#4a6b8a', light: '#7a98b5', dark: '#2f4b66', contrastText: '#ffffff' },
    success: { main: '#2e7d4f' },
    error: { main: '#b3261e' },
    background: { default: '#f4f6f8', paper: '#ffffff' },
    text: { primary: '#1d2a33', secondary: '#5b6b78' },
    divider: border,
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily,
    h5: { fontWeight: 600, letterSpacing: '-0.01em' },
    h6: { fontWeight: 600, fontSize: '1.05rem' },
    subtitle2: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  sidebar: { width: 232, closedWidth: 56 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: {
      defaultProps: { elevation: 0, color: 'primary' },
    },
    MuiPaper: {
      styleOverrides: {
        elevation1: { boxShadow: 'none', border: `1px solid ${border}` },
      },
    },
    MuiCard: {
      defaultProps: { elevation: 1 },
    },
    MuiChip: {
      styleOverrides: { root: { fontWeight: 500 } },
    },
    MuiTableCell: {
      styleOverrides: {
        root: {
          '&.MuiTableCell-paddingCheckbox': { padding: '0 8px' },
        },
        head: { fontWeight: 600, color: '#3c4b57', backgroundColor: '#f8fafb', whiteSpace: 'nowrap' },
      },
    },
    MuiFilledInput: {
      styleOverrides: {
        root: {
          backgroundColor: 'rgba(31, 95, 116, 0.05)',
          '&:hover': { backgroundColor: 'rgba(31, 95, 116, 0.09)' },
          '&.Mui-focused': { backgroundColor: 'rgba(31, 95, 116, 0.07)' },
        },
      },
    },
    RaToolbar: {
      styleOverrides: {
        root: { backgroundColor: '#f8fafb', borderTop: `1px solid ${border}` },
      },
    },
    RaLayout: {
      styleOverrides: {
        root: {
          '& .RaLayout-content': { paddingTop: 8 },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeftColor: '#1f5f74',
            backgroundColor: 'rgba(31, 95, 116, 0.08)',
            color: '#123f4e',
            fontWeight: 600,
            '& .MuiListItemIcon-root': { color: '#1f5f74' },
          },
        },
      },
    },
  },
};
