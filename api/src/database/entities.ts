import { AuditEvent } from '../audit/audit-event.entity';
import { Session } from '../auth/session.entity';
import { User } from '../users/user.entity';

/** Every entity of the console; migrations/ must create exactly these tables. */
export const ENTITIES = [User, Session, AuditEvent];
