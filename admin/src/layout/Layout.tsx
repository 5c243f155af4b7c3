import { useEffect, type ReactNode } from 'react';
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
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      {children}
    </RaLayout>
  );
};
