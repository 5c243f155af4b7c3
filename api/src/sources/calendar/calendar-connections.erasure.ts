import { In } from 'typeorm';
import { returnedRows } from '../../common/sql-rows';
import { open } from '../../common/crypto/secret-box';
import { revokeGoogleToken } from '../../erasure/google-revocation';
import { dayOf, ownRecords, type ErasureCallingOut } from '../../erasure/source-erasure';
import { notHeld } from '../../legal-holds/held-sql';
import { CalendarConnection } from './calendar-connection.entity';

/**
 * The token is revoked at Google, then the connection, its tokens and its remaining events are
 * destroyed (`revoke_and_delete`; `delete` when the user had disconnected it already).
 */
export const calendarConnectionsErasure: ErasureCallingOut = {
  kind: 'calling-out',
  runOrder: 20,

  plan: (input) => Promise.resolve({ records: input.own('calendar-connections') }),

  async summarise(manager, _plan, ids) {
    const rows = await manager.find(CalendarConnection, { where: { id: In(ids) }, order: { connectedAt: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      action: r.revokedAt ? 'delete' : 'revoke_and_delete',
      summary: `${r.accountEmail} · connected ${dayOf(r.connectedAt)}`,
    }));
  },

  /**
   * Revokes each connection's token at Google, outside any transaction (a slow Google must not
   * hold a lock), then destroys the connection, its tokens and its remaining events. A refused
   * revocation keeps the connection, so that the next run can try again.
   */
  async apply({ dataSource, config, audit, index, actor, request }, plan) {
    const ids = ownRecords(plan, 'calendar-connections');
    if (!ids.length) return { affected: 0, error: null };
    const connections = await dataSource.getRepository(CalendarConnection).find({ where: { id: In(ids) } });
    const failures: string[] = [];
    let affected = 0;
    for (const connection of connections) {
      const sealed = connection.refreshTokenEncrypted ?? connection.accessTokenEncrypted;
      if (sealed && !connection.revokedAt) {
        const outcome = await revokeGoogleToken(config.googleOAuthRevokeUrl, open(config.encryptionKey, sealed));
        if (!outcome.revoked) {
          failures.push(`${connection.accountEmail}: ${outcome.error}`);
          continue;
        }
      }
      await dataSource.transaction(async (manager) => {
        // An event a legal hold keeps stays (Art. 17(3)(e)), without its connection (ON DELETE
        // SET NULL); the events step left it out of its count for the same reason.
        const events = returnedRows<{ id: string }>(
          await manager.query(
            `DELETE FROM calendar_events WHERE connection_id = $1 AND ${notHeld('calendar-events', 'calendar_events.id')} RETURNING id`,
            [connection.id],
          ),
        );
        await index.remove(
          manager,
          'calendar-events',
          events.map((e) => e.id),
        );
        await manager.query(`DELETE FROM calendar_connections WHERE id = $1`, [connection.id]);
        await index.remove(manager, 'calendar-connections', [connection.id]);
        await audit.record(manager, actor, {
          action: 'erasure.calendar_revoked',
          entity: 'request',
          entityId: request.id,
          details: {
            reference: request.reference,
            connectionId: connection.id,
            tokenRevokedAtGoogle: !!sealed && !connection.revokedAt,
            eventsDeleted: events.length,
          },
        });
      });
      affected++;
    }
    return { affected, error: failures.length ? `Google refused the revocation (${failures.join('; ')})` : null };
  },
};
