import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import CookieOutlinedIcon from '@mui/icons-material/CookieOutlined';
import EventAvailableOutlinedIcon from '@mui/icons-material/EventAvailableOutlined';
import LanguageOutlinedIcon from '@mui/icons-material/LanguageOutlined';
import PhoneOutlinedIcon from '@mui/icons-material/PhoneOutlined';
import type { SvgIconComponent } from '@mui/icons-material';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

import type { IdentifierKind } from '../api';

export const identifierIcons: Record<IdentifierKind, SvgIconComponent> = {
  email: AlternateEmailIcon,
  phone: PhoneOutlinedIcon,
  name: BadgeOutlinedIcon,
  consent_id: CookieOutlinedIcon,
  account: EventAvailableOutlinedIcon,
  ip: LanguageOutlinedIcon,
};

/** An identifier as people write it: phones in international format (`+39 347 123 4567`). */
export const displayIdentifier = (kind: string, value: string): string => {
  if (kind === 'phone') {
    const phone = parsePhoneNumberFromString(value);
    if (phone) return phone.formatInternational();
  }
  return value;
};
