import { useTranslate } from 'react-admin';

/** The application name in the current language (used as react-admin's default page title). */
export const AppName = () => {
  const translate = useTranslate();
  return <>{translate('app.name')}</>;
};
