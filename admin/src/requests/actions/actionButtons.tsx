import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import ChildCareOutlinedIcon from '@mui/icons-material/ChildCareOutlined';
import EuroOutlinedIcon from '@mui/icons-material/EuroOutlined';
import MarkEmailReadOutlinedIcon from '@mui/icons-material/MarkEmailReadOutlined';
import ContactMailOutlinedIcon from '@mui/icons-material/ContactMailOutlined';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import MoreTimeOutlinedIcon from '@mui/icons-material/MoreTimeOutlined';
import NoteAddOutlinedIcon from '@mui/icons-material/NoteAddOutlined';
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined';
import VerifiedUserOutlinedIcon from '@mui/icons-material/VerifiedUserOutlined';
import type { ReactElement } from 'react';

import type { WorkflowAction } from '../../api';

/** What each button is called, its icon, and how prominent it is. */
export const BUTTONS: Record<
  WorkflowAction,
  { icon: ReactElement; variant: 'contained' | 'outlined' | 'text'; color?: 'error' }
> = {
  'identity-check': { icon: <FactCheckOutlinedIcon />, variant: 'contained' },
  'identity-info-requested': { icon: <ContactMailOutlinedIcon />, variant: 'outlined' },
  'identity-info-received': { icon: <MarkEmailReadOutlinedIcon />, variant: 'outlined' },
  fee: { icon: <EuroOutlinedIcon />, variant: 'outlined' },
  'identity-documents': { icon: <BadgeOutlinedIcon />, variant: 'outlined' },
  minor: { icon: <ChildCareOutlinedIcon />, variant: 'outlined' },
  verify: { icon: <VerifiedUserOutlinedIcon />, variant: 'contained' },
  extend: { icon: <MoreTimeOutlinedIcon />, variant: 'outlined' },
  close: { icon: <TaskAltOutlinedIcon />, variant: 'contained' },
  reject: { icon: <BlockOutlinedIcon />, variant: 'outlined', color: 'error' },
  note: { icon: <NoteAddOutlinedIcon />, variant: 'text' },
};

/** The primary step of the workflow is the one filled button; the others are outlined. */
export const primaryOf = (actions: WorkflowAction[]): WorkflowAction | undefined =>
  (['close', 'identity-check', 'verify'] as const).find((action) => actions.includes(action));
