import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795387218522 } from './1795387218522-InitialSchema';
import { PersonalDataSources1795388432852 } from './1795388432852-PersonalDataSources';
import { DataSubjectRequests1795390480214 } from './1795390480214-DataSubjectRequests';
import { Registers1795391129552 } from './1795391129552-Registers';
import { SeedRegisters1795391200000 } from './1795391200000-SeedRegisters';
import { ErasureAndRestriction1795397923807 } from './1795397923807-ErasureAndRestriction';
import { ErasurePlans1795398408658 } from './1795398408658-ErasurePlans';
import { DataKeys1795399167363 } from './1795399167363-DataKeys';
import { LoginThrottles1795399522505 } from './1795399522505-LoginThrottles';
import { RetentionSweeps1795399721763 } from './1795399721763-RetentionSweeps';
import { ListFilterIndexes1795401579891 } from './1795401579891-ListFilterIndexes';
import { AuditCheckpoint1795420000000 } from './1795420000000-AuditCheckpoint';
import { SessionLastUsed1795430000000 } from './1795430000000-SessionLastUsed';
import { RequestReceipt1795410000000 } from './1795410000000-RequestReceipt';
import { WhoseData1795440000000 } from './1795440000000-WhoseData';
import { Breaches1795450000000 } from './1795450000000-Breaches';
import { RequestDecisions1795460000000 } from './1795460000000-RequestDecisions';
import { IdentityDocuments1795460000001 } from './1795460000001-IdentityDocuments';
import { Mailbox1795490000000 } from './1795490000000-Mailbox';
import { Letters1795500000000 } from './1795500000000-Letters';
import { IndexCorrections1795510000000 } from './1795510000000-IndexCorrections';
import { PublicRegisterTexts1795527000000 } from './1795527000000-PublicRegisterTexts';
import { LegalHolds1795540000000 } from './1795540000000-LegalHolds';
import { ProcessingStops1795550000000 } from './1795550000000-ProcessingStops';
import { Portal1796262961939 } from './1796262961939-Portal';
import { CookieSystems1796270000000 } from './1796270000000-CookieSystems';
import { MissingActivities1796290000000 } from './1796290000000-MissingActivities';
import { RecipientCategories1796290000001 } from './1796290000001-RecipientCategories';
import { Reminders1796280000000 } from './1796280000000-Reminders';
import { ErasureCountsByKind1796320000000 } from './1796320000000-ErasureCountsByKind';
import { SealedLetterParts1796330000000 } from './1796330000000-SealedLetterParts';
import { RegisterTwins1796400000000 } from './1796400000000-RegisterTwins';
import { PortalPackages1796410000000 } from './1796410000000-PortalPackages';
import { PortalChoicesAttachments1796420000000 } from './1796420000000-PortalChoicesAttachments';
import { AuditActorIndex1796500000000 } from './1796500000000-AuditActorIndex';
import { RequestReferenceCounters1796600000000 } from './1796600000000-RequestReferenceCounters';
import { AuditInbox1796800000000 } from './1796800000000-AuditInbox';
import { RequestsBySubjectEmail1796900000000 } from './1796900000000-RequestsBySubjectEmail';
import { AuditEventsByEntity1796900000001 } from './1796900000001-AuditEventsByEntity';
import { MailThreadLookups1796900000002 } from './1796900000002-MailThreadLookups';
import { OtherRequestsLookups1796900000003 } from './1796900000003-OtherRequestsLookups';
import { AuditLinesByActor1797000000000 } from './1797000000000-AuditLinesByActor';

// The migrations, oldest first. `npm run migration:generate -- <Name>` adds new ones here.
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  InitialSchema1795387218522,
  PersonalDataSources1795388432852,
  DataSubjectRequests1795390480214,
  Registers1795391129552,
  SeedRegisters1795391200000,
  ErasureAndRestriction1795397923807,
  ErasurePlans1795398408658,
  DataKeys1795399167363,
  LoginThrottles1795399522505,
  RetentionSweeps1795399721763,
  ListFilterIndexes1795401579891,
  AuditCheckpoint1795420000000,
  SessionLastUsed1795430000000,
  RequestReceipt1795410000000,
  Breaches1795450000000,
  WhoseData1795440000000,
  RequestDecisions1795460000000,
  IdentityDocuments1795460000001,
  Mailbox1795490000000,
  Letters1795500000000,
  IndexCorrections1795510000000,
  PublicRegisterTexts1795527000000,
  LegalHolds1795540000000,
  ProcessingStops1795550000000,
  Portal1796262961939,
  CookieSystems1796270000000,
  Reminders1796280000000,
  MissingActivities1796290000000,
  RecipientCategories1796290000001,
  ErasureCountsByKind1796320000000,
  SealedLetterParts1796330000000,
  RegisterTwins1796400000000,
  PortalPackages1796410000000,
  PortalChoicesAttachments1796420000000,
  AuditActorIndex1796500000000,
  RequestReferenceCounters1796600000000,
  AuditInbox1796800000000,
  RequestsBySubjectEmail1796900000000,
  AuditEventsByEntity1796900000001,
  MailThreadLookups1796900000002,
  OtherRequestsLookups1796900000003,
  AuditLinesByActor1797000000000,
];
