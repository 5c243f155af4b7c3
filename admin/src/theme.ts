import { createElement } from 'react';
import { DatagridBody, defaultTheme, type RaThemeOptions } from 'react-admin';

import { colours } from './colours';
import { OpenableDataTableRow } from './common/OpenableDataTableRow';
import { OpenableDatagridRow } from './common/OpenableDatagridRow';
import { skipToContent } from './layout/skipToContent';

/**
 * A calm, light theme: slate-teal primary, soft grey canvas, flat cards with
 * hairline borders. Fonts come from the operating system (no web font is
 * downloaded), falling back to MUI's usual families.
 *
 * Accessibility (docs/accessibility.md): a focus ring on whatever the keyboard reaches (2 px,
 * 3:1 or more against its surface), chip colours with 4.5:1 text, and list rows that Tab
 * reaches and Enter opens (OpenableDataTableRow, OpenableDatagridRow).
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
    primary: { main: colours.primary, light: '#4f8ca1', dark: colours.primaryDark, contrastText: colours.white },
    secondary: { main: '#4a6b8a', light: '#7a98b5', dark: '#2f4b66', contrastText: colours.white },
    success: { main: colours.success },
    error: { main: colours.error },
    info: { main: colours.info, contrastText: colours.white },
    warning: { main: colours.warning, contrastText: colours.white },
    background: { default: colours.canvas, paper: colours.white },
    text: { primary: colours.text, secondary: colours.textSecondary },
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
    MuiCssBaseline: {
      styleOverrides: {
        // What the keyboard reaches shows a ring (MUI's buttons have none of their own). Not the
        // fields (their underline shows the focus) nor what takes the focus only by script, such
        // as a dialog's frame; `:where` keeps the rule weak enough for the cases below to adjust.
        'body :focus-visible:where(:not(.MuiInputBase-input, [tabindex="-1"]))': {
          outline: `2px solid ${colours.focusRing}`,
          outlineOffset: 2,
        },
        // Inside their box: a row, a menu item (the sidebar clips what is outside).
        'body .MuiTableRow-root:focus-visible, body .RaMenuItemLink-root:focus-visible': { outlineOffset: -2 },
        // On the app bar's colour; the page title too, when the focus lands on it after a change of page.
        'body .MuiAppBar-root :focus-visible': { outline: `2px solid ${colours.focusRingOnAppBar}` },
      },
    },
    // Every list's rows open with Enter as with a click (docs/accessibility.md).
    RaDataTableBody: {
      defaultProps: { row: OpenableDataTableRow },
    },
    RaDatagrid: {
      defaultProps: { body: createElement(DatagridBody, { row: createElement(OpenableDatagridRow) }) },
    },
    // The first Tab stop: to the page's heading, then the content (layout/skipToContent.ts).
    RaSkipNavigationButton: {
      defaultProps: { onClick: skipToContent },
      styleOverrides: {
        root: {
          backgroundColor: colours.primaryDark,
          color: '#ffffff',
          '&:hover': { backgroundColor: colours.primaryDark, opacity: 1 },
        },
      },
    },
    // The filters hide helper texts, but not a date field's date in words (common/DateInputs.tsx).
    RaFilterForm: {
      styleOverrides: {
        root: { '& .MuiFormHelperText-root:has([data-testid="date-in-words"])': { display: 'block' } },
      },
    },
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
          // The content may be narrower than a wide table: the table scrolls in its box, the page
          // does not (at a phone's width, WCAG 1.4.10).
          '& .RaLayout-content': { paddingTop: 8, minWidth: 0 },
          // react-admin lets the page grow to its widest content (`fit-content`): not on a phone.
          '@media (max-width: 599.95px)': { minWidth: 0 },
          '& .RaDataTable-tableWrapper, & .RaDatagrid-tableWrapper': { overflowX: 'auto' },
          '& .RaList-main, & .RaList-content': { minWidth: 0, maxWidth: '100%' },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeftColor: colours.primary,
            backgroundColor: 'rgba(31, 95, 116, 0.08)',
            color: colours.primaryDark,
            fontWeight: 600,
            '& .MuiListItemIcon-root': { color: colours.primary },
          },
        },
      },
    },
  },
};
