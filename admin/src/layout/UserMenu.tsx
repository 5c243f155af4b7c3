import { UserMenu as RaUserMenu, useGetIdentity, useTranslate } from 'react-admin';

/**
 * react-admin's user menu, named after what it shows: the button reads "Administrator" (the
 * user's name), so its accessible name starts with it (WCAG 2.5.3, label in name), where
 * react-admin's own says only "Profile".
 */
export const UserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const label = identity?.fullName ? translate('app.menu.user', { name: identity.fullName }) : 'ra.auth.user_menu';
  return <RaUserMenu label={label} />;
};
