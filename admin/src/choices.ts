import type { ChatProvider, ChatRole, ConsentAction, ConsentCategory, EventOrigin, Role } from './api';

/*
 * The choices the console's forms and filters offer, in the order they show them: each list is
 * checked against the API's vocabulary (`satisfies`), so that a value the API drops fails the build.
 */

export const ROLES = ['admin', 'officer', 'auditor'] as const satisfies readonly Role[];
export const CHAT_PROVIDERS = ['anthropic', 'openai', 'gemini', 'ollama'] as const satisfies readonly ChatProvider[];
export const CHAT_ROLES = ['user', 'assistant'] as const satisfies readonly ChatRole[];
export const EVENT_ORIGINS = ['manual', 'system', 'imported'] as const satisfies readonly EventOrigin[];
export const CONSENT_CATEGORIES = [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
] as const satisfies readonly ConsentCategory[];
export const CONSENT_ACTIONS = ['grant', 'update', 'withdraw'] as const satisfies readonly ConsentAction[];
