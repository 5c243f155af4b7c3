import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutline';
import ContactMailOutlinedIcon from '@mui/icons-material/ContactMailOutlined';
import CookieOutlinedIcon from '@mui/icons-material/CookieOutlined';
import EventAvailableOutlinedIcon from '@mui/icons-material/EventAvailableOutlined';
import EventNoteOutlinedIcon from '@mui/icons-material/EventNoteOutlined';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import LanguageOutlinedIcon from '@mui/icons-material/LanguageOutlined';
import type { SvgIconComponent } from '@mui/icons-material';

/**
 * The personal-data sources as the console shows them: the one place that names them, in the order
 * the console presents them, with their icon, the date that orders their records, and their turn
 * in an erasure run (the API's order, api/src/erasure; null: erased with another source). Their
 * labels are i18n keys (`app.menu.sources.<name>`, `resources.<name>.name`).
 */
export const SOURCE_CATALOGUE = [
  { name: 'leads', icon: ContactMailOutlinedIcon, dateField: 'submittedAt', erasureTurn: 6 },
  { name: 'chat-conversations', icon: ForumOutlinedIcon, dateField: 'startedAt', erasureTurn: 3 },
  // A conversation's messages go with it.
  { name: 'chat-messages', icon: ChatBubbleOutlineIcon, dateField: 'sentAt', erasureTurn: null },
  { name: 'calendar-connections', icon: EventAvailableOutlinedIcon, dateField: 'connectedAt', erasureTurn: 2 },
  { name: 'calendar-events', icon: EventNoteOutlinedIcon, dateField: 'startsAt', erasureTurn: 1 },
  { name: 'consents', icon: CookieOutlinedIcon, dateField: 'recordedAt', erasureTurn: 4 },
  { name: 'access-logs', icon: LanguageOutlinedIcon, dateField: 'at', erasureTurn: 5 },
] as const satisfies readonly {
  name: string;
  icon: SvgIconComponent;
  dateField: string;
  erasureTurn: number | null;
}[];

type Entry = (typeof SOURCE_CATALOGUE)[number];

/** The sources in the order the console presents them. */
export const SUBJECT_SOURCES = SOURCE_CATALOGUE.map((s) => s.name);
export type SubjectSource = Entry['name'];

export type ErasableSource = Extract<Entry, { erasureTurn: number }>['name'];

/** The sources an erasure goes through, in the order a run takes. */
export const ERASABLE_SOURCES: readonly ErasableSource[] = SOURCE_CATALOGUE.filter(
  (s): s is Extract<Entry, { erasureTurn: number }> => s.erasureTurn !== null,
)
  .sort((a, b) => a.erasureTurn - b.erasureTurn)
  .map((s) => s.name);

const entryOf = (source: SubjectSource): Entry => SOURCE_CATALOGUE.find((s) => s.name === source)!;

/** Each source's icon, by name (a lookup, so that a screen picks a component without making one). */
export const SOURCE_ICONS = Object.fromEntries(SOURCE_CATALOGUE.map((s) => [s.name, s.icon])) as Record<
  SubjectSource,
  SvgIconComponent
>;

export const sourceIcon = (source: SubjectSource): SvgIconComponent => SOURCE_ICONS[source];

/** The field whose instant orders a source's records, most recent first. */
export const sourceDateField = (source: SubjectSource): Entry['dateField'] => entryOf(source).dateField;

/** The short label the menu gives a source (an i18n key). */
export const sourceLabelKey = (source: string) => `app.menu.sources.${source}`;

/** Where the console lists by a source's position; an unknown source comes last. */
export const sourcePosition = (source: string) => {
  const index = (SUBJECT_SOURCES as readonly string[]).indexOf(source);
  return index < 0 ? SUBJECT_SOURCES.length : index;
};
