import { Box, Divider } from '@mui/material';
import AutoDeleteOutlinedIcon from '@mui/icons-material/AutoDeleteOutlined';
import PersonSearchOutlinedIcon from '@mui/icons-material/PersonSearchOutlined';
import type { KeyboardEvent, ReactNode } from 'react';
import { Menu as RaMenu, useCanAccess, useSidebarState, useTranslate } from 'react-admin';

import { FIND_PERSON_PATH } from '../find-person';
import { RECORD_PATH } from '../registers/RecordOfProcessingPage';
import { RETENTION_PATH } from '../retention';
import ArticleOutlinedIcon from '@mui/icons-material/ArticleOutlined';
import { SUBJECT_SOURCES, sourceLabelKey } from '../sources/catalogue';
import { menuKeyTarget } from './menuKeys';

/**
 * A section of the menu: a group named by its heading (a screen reader says "Personal data,
 * group" on entering it), the heading shown above its items, a plain rule when the sidebar is
 * folded to icons. A group, not a heading inside the list: a menu may hold only items and groups.
 */
const MenuSection = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <Box role="group" aria-label={translate(label)}>
      {open ? (
        // The group's name already says it: hidden from screen readers, not read twice.
        <Box
          aria-hidden="true"
          sx={{
            mt: 1.5,
            px: 2,
            lineHeight: '32px',
            color: 'text.secondary',
            fontSize: '0.6875rem',
            fontWeight: 700,
            letterSpacing: '0.08em',
            textTransform: 'uppercase',
          }}
        >
          {translate(label)}
        </Box>
      ) : (
        <Divider sx={{ my: 1 }} />
      )}
      {children}
    </Box>
  );
};

/** The arrows, Home, End and a letter move through every item, across the sections (menuKeyTarget). */
const moveThroughSections = (event: KeyboardEvent<HTMLElement>) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'));
  const current = items.indexOf(event.target as HTMLElement);
  const target = menuKeyTarget(
    event.key,
    current,
    items.map((item) => item.textContent ?? ''),
  );
  if (target === null) return;
  // Before MUI's MenuList, which would walk only the top level.
  event.preventDefault();
  event.stopPropagation();
  items[target].focus();
};

/**
 * Menu labels of the sources are shorter than their page titles, so that
 * they fit the sidebar in both languages (`app.menu.sources`).
 *
 * The dashboard, then the personal data the console holds (the search first,
 * then each source), then the compliance records and administration.
 * Resource items hide themselves when canAccess says no.
 */
export const Menu = () => {
  const translate = useTranslate();
  const { canAccess: canSeeUsers } = useCanAccess({ resource: 'users', action: 'list' });
  const { canAccess: canSeeKeys } = useCanAccess({ resource: 'api-keys', action: 'list' });
  return (
    <RaMenu aria-label={translate('app.menu.label')} onKeyDownCapture={moveThroughSections}>
      <RaMenu.DashboardItem />
      {/* The data-subject requests: the officer's daily work, on top. */}
      <RaMenu.ResourceItem name="requests" />
      <RaMenu.ResourceItem name="other-mail" primaryText="app.menu.other_mail" />
      <RaMenu.ResourceItem name="letter-templates" primaryText="app.menu.letter_templates" />
      <MenuSection label="app.menu.personal_data">
        <RaMenu.Item to={FIND_PERSON_PATH} primaryText="app.menu.find_person" leftIcon={<PersonSearchOutlinedIcon />} />
        {SUBJECT_SOURCES.map((source) => (
          <RaMenu.ResourceItem key={source} name={source} primaryText={sourceLabelKey(source)} />
        ))}
      </MenuSection>
      <MenuSection label="app.menu.compliance">
        <RaMenu.ResourceItem name="processors" primaryText="app.menu.processors" />
        <RaMenu.ResourceItem name="activities" primaryText="app.menu.activities" />
        <RaMenu.Item to={RECORD_PATH} primaryText="app.menu.record" leftIcon={<ArticleOutlinedIcon />} />
        <RaMenu.ResourceItem name="cookies" primaryText="app.menu.cookies" />
        <RaMenu.ResourceItem name="retention-policies" primaryText="app.menu.retention_policies" />
        <RaMenu.Item to={RETENTION_PATH} primaryText="app.menu.retention" leftIcon={<AutoDeleteOutlinedIcon />} />
        <RaMenu.ResourceItem name="breaches" primaryText="app.menu.breaches" />
        <RaMenu.ResourceItem name="audit-events" />
      </MenuSection>
      {(canSeeUsers || canSeeKeys) && (
        <MenuSection label="app.menu.administration">
          <RaMenu.ResourceItem name="users" />
          <RaMenu.ResourceItem name="api-keys" />
        </MenuSection>
      )}
    </RaMenu>
  );
};
