import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RequestsModule } from '../requests/requests.module';
import { MailboxController } from './mailbox.controller';
import { MailboxService } from './mailbox.service';
import { MailboxWatcher } from './mailbox.watcher';

/** The privacy@ mailbox read over IMAP (IMAP_URL): requests, replies on their timeline, other mail. */
@Module({
  imports: [AuditModule, RequestsModule],
  controllers: [MailboxController],
  providers: [MailboxService, MailboxWatcher],
})
export class MailboxModule {}
