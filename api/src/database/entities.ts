import { ApiKey } from '../api-keys/api-key.entity';
import { AuditCheckpointRow } from '../audit/audit-checkpoint.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { BreachCommunication } from '../breaches/breach-communication.entity';
import { Breach } from '../breaches/breach.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { Session } from '../auth/session.entity';
import { DataKey } from '../common/crypto/data-key.entity';
import { ErasurePlanRecord } from '../erasure/erasure-plan.entity';
import { ErasureStep } from '../erasure/erasure-step.entity';
import { SubjectRestriction } from '../erasure/subject-restriction.entity';
import { SuppressedIdentifier } from '../erasure/suppressed-identifier.entity';
import { LegalHold, LegalHoldRecord } from '../legal-holds/legal-hold.entity';
import { LetterTemplateVersion } from '../letters/letter-template.entity';
import { Letter } from '../letters/letter.entity';
import { ProcessingStop, ProcessingStopFlag } from '../objections/processing-stop.entity';
import { MailboxMessage } from '../mailbox/mailbox-message.entity';
import { OtherMail } from '../mailbox/other-mail.entity';
import { PortalPackage, PortalPackageChunk } from '../portal/package.entity';
import { PortalLink } from '../portal/portal-link.entity';
import { PortalSubmission } from '../portal/portal-submission.entity';
import { PortalThrottle } from '../portal/portal-throttle.entity';
import { PortalChoiceForm } from '../portal/portal-choice-form.entity';
import { RequestAttachment } from '../portal/request-attachment.entity';
import { ProcessingActivity } from '../registers/activities/activity.entity';
import { Cookie } from '../registers/cookies/cookie.entity';
import { Processor } from '../registers/processors/processor.entity';
import { RetentionPolicy } from '../registers/retention/retention-policy.entity';
import { IdentityDocument } from '../requests/identity-document.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RetentionSweep } from '../retention/retention-sweep.entity';
import { DataSubjectRequest } from '../requests/request.entity';
import { registeredSources } from '../sources/source-registry';
import { SubjectIdentifier } from '../subjects/subject-identifier.entity';
import { ReminderDigest } from '../reminders/reminder-digest.entity';
import { User } from '../users/user.entity';

/** Every entity of the console; migrations/ must create exactly these tables. */
export const ENTITIES = [
  User,
  Session,
  AuditEvent,
  AuditCheckpointRow,
  ApiKey,
  // The personal-data sources' tables, from their definitions (sources/source-registry.ts).
  ...registeredSources().map((source) => source.entity),
  SubjectIdentifier,
  DataSubjectRequest,
  RequestEvent,
  IdentityDocument,
  Processor,
  ProcessingActivity,
  Cookie,
  RetentionPolicy,
  ErasurePlanRecord,
  ErasureStep,
  SuppressedIdentifier,
  SubjectRestriction,
  DataKey,
  LoginThrottle,
  RetentionSweep,
  Breach,
  BreachCommunication,
  MailboxMessage,
  OtherMail,
  Letter,
  LetterTemplateVersion,
  PortalSubmission,
  PortalLink,
  PortalThrottle,
  PortalChoiceForm,
  RequestAttachment,
  PortalPackage,
  PortalPackageChunk,
  LegalHold,
  LegalHoldRecord,
  ProcessingStop,
  ProcessingStopFlag,
  ReminderDigest,
];
