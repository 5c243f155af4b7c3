import { pagedByOffset } from '../../exports/export-reader';
import { isoOf, type PackageFile } from '../../exports/source-export';

/** A row of `access_logs` as PostgreSQL answers it (the address as text). */
interface AccessLogColumns {
  at: Date;
  ip: string;
  method: string;
  path: string;
  status: number;
  user_agent: string | null;
}

export function accessLogRow(l: AccessLogColumns) {
  return {
    at: isoOf(l.at),
    ip: l.ip,
    method: l.method,
    path: l.path,
    status: l.status,
    userAgent: l.user_agent,
  };
}

/**
 * An access-log line names no one: it is the person's only through an IP address the officer
 * confirmed as theirs (given with the download). Access packages only: the lines are recorded by
 * the web server, not provided by the person (Art. 20(1)).
 */
export const accessLogsExport: PackageFile = {
  kind: 'file',
  label: { en: 'Visits to the website (access logs)', it: 'Visite al sito (log di accesso)' },
  origin: {
    en: 'Recorded by our web server when your device, from the IP address you gave us, visited the website',
    it: "Registrate dal nostro server web quando il suo dispositivo, dall'indirizzo IP che ci ha indicato, ha visitato il sito",
  },
  columns: [
    {
      fields: ['at', 'ip', 'method', 'path', 'status', 'userAgent'],
      legalBasis: 'legitimate_interests',
      portable: false,
    },
  ],
  glossary: {
    at: { en: 'When', it: 'Quando' },
    ip: { en: 'IP address', it: 'Indirizzo IP' },
    method: { en: 'Kind of request (HTTP method)', it: 'Tipo di richiesta (metodo HTTP)' },
    path: { en: 'Page or file requested', it: 'Pagina o file richiesto' },
    status: { en: 'Answer of the server (HTTP status)', it: 'Risposta del server (stato HTTP)' },
    userAgent: { en: 'Browser and device (user agent)', it: 'Browser e dispositivo (user agent)' },
  },
  read: ({ ips, kind, reader }) => {
    if (!ips.length || kind !== 'access') return null;
    return pagedByOffset<AccessLogColumns>(
      reader,
      `SELECT at, host(ip) AS ip, method, path, status, user_agent FROM access_logs WHERE ip = ANY($1::inet[]) ORDER BY at, id`,
      [ips],
      accessLogRow,
    );
  },
  notSearched: ({ ips, kind }) =>
    !ips.length && kind === 'access'
      ? {
          en: 'not searched: a line of these logs holds only an IP address, and no address was given to search for',
          it: 'non consultate: una riga di questi log contiene solo un indirizzo IP, e non ci è stato indicato alcun indirizzo da cercare',
        }
      : null,
};
