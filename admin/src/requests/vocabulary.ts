import type { ChipColor } from '../common/VocabularyChipField';
import {
  CHANNELS,
  EXCESS_GROUNDS,
  FEE_BASES,
  IDENTITY_INFO_CHANNELS,
  IDENTITY_METHODS,
  MERIT_GROUNDS,
  MINOR_DECISIONS,
  LANGUAGES,
  OPEN_STATUSES,
  REJECTION_REASONS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from './choices';
import type { DataSubjectRequest, RequestStatus, RequestType } from '../api';

/** Translation key prefixes of the request vocabularies (requests/messages.*.ts). */
export const TYPES_VOCABULARY = 'resources.requests.types';
export const STATUSES_VOCABULARY = 'resources.requests.statuses';
export const CHANNELS_VOCABULARY = 'resources.requests.channels';
export const LANGUAGES_VOCABULARY = 'resources.requests.languages';
export const METHODS_VOCABULARY = 'resources.requests.identity_methods';
export const REJECTION_VOCABULARY = 'resources.requests.rejection_reasons';
export const GROUNDS_VOCABULARY = 'resources.requests.rejection_grounds';
export const INFO_CHANNELS_VOCABULARY = 'resources.requests.identity_info_channels';
export const MINOR_VOCABULARY = 'resources.requests.minor_decisions';

const choices = (values: readonly string[], vocabulary: string) =>
  values.map((value) => ({ id: value, name: `${vocabulary}.${value}` }));

export const typeChoices = choices(REQUEST_TYPES, TYPES_VOCABULARY);
export const statusChoices = choices(REQUEST_STATUSES, STATUSES_VOCABULARY);
export const channelChoices = choices(CHANNELS, CHANNELS_VOCABULARY);
export const languageChoices = choices(LANGUAGES, LANGUAGES_VOCABULARY);
export const identityMethodChoices = choices(IDENTITY_METHODS, METHODS_VOCABULARY);
export const rejectionReasonChoices = choices(REJECTION_REASONS, REJECTION_VOCABULARY);
export const identityInfoChannelChoices = choices(IDENTITY_INFO_CHANNELS, INFO_CHANNELS_VOCABULARY);
export const feeBasisChoices = choices(FEE_BASES, REJECTION_VOCABULARY);
export const minorDecisionChoices = choices(MINOR_DECISIONS, MINOR_VOCABULARY);
/** The grounds a refusal with this reason may give for this type of request (none: no ground). */
export const groundChoices = (reason: string | undefined, type: RequestType) =>
  choices(reason === 'excessive' ? EXCESS_GROUNDS : reason === 'merits' ? MERIT_GROUNDS[type] : [], GROUNDS_VOCABULARY);

export const statusColors: Record<RequestStatus, ChipColor> = {
  received: 'info',
  identity_check: 'warning',
  in_progress: 'primary',
  completed: 'success',
  rejected: 'default',
};

/**
 * One colour per type, for the chart's stacks and nothing else: a palette
 * that stays readable side by side and on the theme's white cards.
 */
export const typeChartColors: Record<RequestType, string> = {
  access: '#1f5f74',
  rectification: '#7a98b5',
  erasure: '#c0504d',
  restriction: '#d99a3d',
  portability: '#4f9d7a',
  objection: '#8a6bb0',
  consent_withdrawal: '#9aa7b1',
};

export const isOpen = (request: Pick<DataSubjectRequest, 'status'> | undefined | null): boolean =>
  !!request && (OPEN_STATUSES as readonly string[]).includes(request.status);

/** The open statuses, the list's default filter. */
export const openStatusFilter = [...OPEN_STATUSES];
