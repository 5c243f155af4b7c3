import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useTranslate } from 'react-admin';

import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { useFocusTitleOnNavigation } from './useFocusTitleOnNavigation';

export const Layout = ({ children }: { children: ReactNode }) => {
  const translate = useTranslate();
  useEffect(() => {
    document.title = translate('app.name');
  }, [translate]);
  useFocusTitleOnNavigation();
  // Every spinner (react-admin's in the app bar, those in buttons) is a progress bar that a
  // screen reader names "Loading" in the officer's language (WCAG 4.1.2).
  const loading = translate('app.loading');
  const withNamedSpinners = useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiCircularProgress: {
          ...outer.components?.MuiCircularProgress,
          defaultProps: { ...outer.components?.MuiCircularProgress?.defaultProps, 'aria-label': loading },
        },
      },
    }),
    [loading],
  );
  return (
    <ThemeProvider theme={withNamedSpinners}>
      <RaLayout appBar={AppBar} menu={Menu}>
        {children}
      </RaLayout>
    </ThemeProvider>
  );
};
