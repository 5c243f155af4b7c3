import { accessLogsDemo } from './access-logs.demo';
import { defineSource } from '../source-definition';
import { AccessLog } from './access-log.entity';
import { accessLogsIngestion } from './access-logs.ingestion';
import { presentAccessLog } from './access-logs.presenter';
import { accessLogsErasure } from './access-logs.erasure';
import { accessLogsExport } from './access-logs.export';
import { accessLogsRestriction } from './access-logs.restriction';
import { accessLogsRetention } from './access-logs.retention';

/** The web server's access-log lines (IP address, user agent, path). */
export const accessLogsSource = defineSource({
  resource: 'access-logs',
  entity: AccessLog,
  idType: 'integer',
  present: presentAccessLog,
  list: {
    resource: 'access-logs',
    fields: { id: 'integer', externalId: 'text', path: 'text', method: 'text', status: 'integer', at: 'datetime' },
    searchable: ['path'],
    defaultSort: ['at', 'DESC'],
  },
  ingestion: accessLogsIngestion,
  severalPeoplePerRecord: false,
  registerSystem: 'access-logs',
  packages: accessLogsExport,
  identifiers: {
    none: 'An access log names no one: the search finds it by its IP address, straight from its table',
  },
  erasure: accessLogsErasure,
  restriction: accessLogsRestriction,
  retention: accessLogsRetention,
  demo: { of: accessLogsDemo },
});
