import type { RequestFileMessages } from './messages.en';

/** Italian messages of the request's file, merged into the request screens' messages. */
export const requestFileItalian: RequestFileMessages = {
  open: 'Fascicolo',
  title: 'Fascicolo della richiesta %{reference}',
  subtitle: 'Tutto ciò che è stato fatto per questa richiesta, per la responsabilizzazione (artt. 5(2) e 24 GDPR)',
  generated: 'Generato il %{at} da %{who}, dai registri della console.',
  print: 'Stampa o salva in PDF',
  back: 'Torna alla richiesta',
  loading: 'Raccolta dei registri della richiesta…',
  error: 'Non è stato possibile raccogliere il fascicolo della richiesta. Ricarica la pagina per riprovare.',
  request: {
    title: 'La richiesta',
  },
  decisions: {
    title: 'Decisioni',
    none: 'Nessuna decisione ancora registrata.',
    when: 'Quando',
    who: 'Chi',
    decision: 'Decisione',
    reason: 'Motivo o effetto',
  },
  letters: {
    title: 'Lettere',
    none: 'Nessuna lettera scritta.',
    when: 'Scritta',
    sent: 'Inviata',
    to: 'A',
    subject: 'Oggetto',
    state: 'Stato',
    not_sent: 'non inviata',
  },
  packages: {
    title: 'Pacchetti consegnati',
    none: 'Nessun pacchetto è stato scaricato.',
    when: 'Scaricato',
    who: 'Da',
    kind: 'Pacchetto',
    size: 'Dimensione',
    checksum: 'SHA-256 dello ZIP',
    kinds: {
      access: 'Accesso (art. 15)',
      portability: 'Portabilità (art. 20)',
    },
  },
  audit: {
    title: 'Registro di audit',
    explain:
      'Gli eventi del registro di audit su questa richiesta, ciascuno con la sua posizione nella catena di hash. Chiunque abbia il registro può ricalcolare l’hash di ogni evento da quello precedente.',
    none: 'Nessun evento del registro di audit riguarda questa richiesta.',
    id: 'Evento',
    at: 'Quando',
    who: 'Chi',
    action: 'Azione',
    hash: 'Hash (SHA-256)',
    reads: 'Letture della pagina della richiesta, non elencate una per una: %{count}.',
    chain_intact:
      'Alla generazione, l’intera catena di %{count} eventi è stata ricalcolata ed è risultata integra, fino al checkpoint firmato dell’evento %{lastId}.',
    chain_broken: 'Alla generazione, la catena è risultata interrotta all’evento %{id}: %{reason}.',
    chain_unknown: 'Alla generazione non è stato possibile verificare la catena.',
    chain_verifying:
      'Ricalcolo dell’intera catena del registro di audit per verificarne l’integrità… Il fascicolo si potrà stampare al termine.',
  },
  timeline: {
    title: 'Cronologia',
  },
};
