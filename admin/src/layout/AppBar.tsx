import { Box, Divider, Typography } from '@mui/material';
import ShieldOutlinedIcon from '@mui/icons-material/ShieldOutlined';
import { AppBar as RaAppBar, TitlePortal, useTranslate } from 'react-admin';

import { UserMenu } from './UserMenu';
import { tabIntoContent } from './skipToContent';
import { PAGE_TITLE_ID } from './useFocusTitleOnNavigation';

/**
 * The application name on the left, then the current page title (filled in by
 * each page through react-admin's title portal). The default toolbar keeps the
 * language switch (shown because the i18nProvider offers two locales) and the
 * user menu (full name + logout, from authProvider.getIdentity).
 *
 * The page title is the page's heading (h1) and takes the focus after each change
 * of page (useFocusTitleOnNavigation), hence its tabIndex of -1; Tab from it goes to the content.
 */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar color="primary" userMenu={<UserMenu />}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 2, flexShrink: 0 }}>
        <ShieldOutlinedIcon fontSize="small" />
        {/* At a phone's width the shield alone: the page's title needs the room. */}
        <Typography
          variant="h6"
          component="span"
          sx={{ fontWeight: 700, whiteSpace: 'nowrap', display: { xs: 'none', sm: 'inline' } }}
        >
          {translate('app.name')}
        </Typography>
      </Box>
      <Divider
        orientation="vertical"
        flexItem
        sx={{ my: 1.25, mr: 2, borderColor: 'rgba(255, 255, 255, 0.35)', display: { xs: 'none', sm: 'block' } }}
      />
      {/* The box takes the free width; the heading only its text's, so that its focus ring hugs it. */}
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <TitlePortal
          component="h1"
          id={PAGE_TITLE_ID}
          tabIndex={-1}
          onKeyDown={tabIntoContent}
          sx={{
            flex: 'none',
            display: 'inline-block',
            maxWidth: '100%',
            verticalAlign: 'middle',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            fontWeight: 400,
            opacity: 0.92,
          }}
        />
      </Box>
    </RaAppBar>
  );
};
