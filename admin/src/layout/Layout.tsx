import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useTranslate } from 'react-admin';

import { AppBar } from './AppBar';

export const Layout = ({ children }: { children: ReactNode }) => {
    const translate = useTranslate();
    useEffect(() => {
        document.title = translate('app.name');
    }, [translate]);
    return <RaLayout appBar={AppBar}>{children}</RaLayout>;
};
