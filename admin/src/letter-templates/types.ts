import type { Language } from '../../../api/src/requests/request.entity';

/** A template's words (the API's letter-texts.ts reaches the API's services: not importable here). */
interface TemplateText {
  subject: string;
  body: string;
}

/**
 * A template in force as the console lists it (the API's `TemplateInForce`, in letters.service,
 * which the console cannot import): `id` is `key/language`; version 0 is the one in code.
 */
export interface LetterTemplate extends TemplateText {
  id: string;
  /** acknowledgement, identity_info, extension, refusal, completion_<right>, no_data, recipient_notice. */
  key: string;
  language: Language;
  version: number;
  placeholders: string[];
  updatedAt: string | null;
  updatedBy: string | null;
}

/** One template with its earlier versions, newest first (`GET /api/letter-templates/:key/:language`). */
export interface LetterTemplateDetail extends LetterTemplate {
  versions: Array<TemplateText & { id: string; version: number; createdAt: string; createdBy: string | null }>;
  default: TemplateText;
}
