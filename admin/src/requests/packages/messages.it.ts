import type { PackagesMessages } from './messages.en';

export const packagesItalian: PackagesMessages = {
  app: {
    requests: {
      packages: {
        title: 'Pacchetto sul portale privacy',
        subtitle:
          'Il pacchetto dei dati consegnato all’interessato (artt. 15, par. 3, e 20 GDPR): un link personale per e-mail che scade, scaricato con un codice monouso',
        none: 'Non ancora pubblicato all’interessato.',
        verify_first: 'Verifichi prima l’identità dell’interessato: solo dopo il pacchetto si può pubblicare.',
        kinds: { access: 'di accesso', portability: 'di portabilità' },
        publish: 'Pubblica all’interessato il pacchetto %{kind}',
        publish_dialog: {
          title: 'Pubblicare all’interessato il pacchetto %{kind}?',
          description:
            'Il pacchetto viene preparato ora e a %{email} parte un’e-mail in %{language} con un link personale valido un giorno, fino al %{until}. Per scaricarlo l’interessato inserisce un codice monouso inviato a quell’indirizzo. Quando il link scade o viene ritirato, il file conservato è cancellato. |||| Il pacchetto viene preparato ora e a %{email} parte un’e-mail in %{language} con un link personale valido %{smart_count} giorni, fino al %{until}. Per scaricarlo l’interessato inserisce un codice monouso inviato a quell’indirizzo. Quando il link scade o viene ritirato, il file conservato è cancellato.',
          confirm: 'Pubblica e invia l’e-mail',
        },
        published_done: 'Pacchetto pubblicato: l’e-mail con il link è partita per %{email}',
        states: { open: 'Aperto', expired: 'Scaduto', withdrawn: 'Ritirato' },
        published: 'Pubblicato a %{email} il %{date} da %{by}',
        expires: 'Il link è valido fino al %{date}',
        expired_on: 'Il link era valido fino al %{date}',
        would_expire: 'Il link sarebbe rimasto valido fino al %{date}',
        letter: {
          sent: 'e-mail inviata',
          queued: 'e-mail in invio',
          failed: 'e-mail non ancora inviata (vedi Lettere)',
        },
        withdrawn: 'Ritirato il %{date} da %{by}',
        file_deleted: 'File conservato cancellato il %{date}',
        no_downloads: 'Non ancora scaricato.',
        downloads: 'Scaricato una volta: |||| Scaricato %{smart_count} volte:',
        download_line: '%{date}, %{size}',
        download_cut: '%{date}: interrotto dopo %{size}',
        withdraw: 'Ritira',
        withdraw_dialog: {
          title: 'Ritirare la pubblicazione?',
          description:
            'Il link inviato a %{email} smette subito di funzionare e il file conservato %{file} viene cancellato. L’interessato non ne è informato: gli scriva se deve saperlo.',
          confirm: 'Ritira e cancella il file',
        },
        withdrawn_done: 'Pubblicazione ritirata: %{file} cancellato',
      },
      refusals: {
        reasons: {
          package_kind_mismatch: 'Questa richiesta riguarda un altro diritto: pubblichi il pacchetto del suo diritto.',
          package_no_email: 'La richiesta non ha un indirizzo e-mail: registri prima l’indirizzo dell’interessato.',
          package_already_published: 'Questo pacchetto è già pubblicato: lo ritiri prima di pubblicarlo di nuovo.',
          package_not_made: 'Non è stato possibile preparare il pacchetto: la cronologia ne indica il motivo.',
          package_already_withdrawn: 'Questa pubblicazione era già stata ritirata.',
          package_expired: 'Il link di questa pubblicazione è già scaduto.',
          sending_not_configured:
            'L’invio delle e-mail non è configurato (SMTP_URL, MAIL_FROM): non si può pubblicare nulla.',
        },
      },
    },
  },
  resources: {
    requests: {
      events: {
        package_published: 'Pacchetto pubblicato sul portale',
        package_downloaded: 'Pacchetto scaricato dall’interessato (portale)',
        package_download_interrupted: 'Download dal portale interrotto',
        package_withdrawn: 'Pacchetto ritirato dal portale',
        package_deleted: 'File del pacchetto del portale cancellato',
      },
    },
    'audit-events': {
      actions: {
        request: {
          package_published: 'Pacchetto pubblicato sul portale',
          package_withdrawn: 'Pacchetto ritirato dal portale',
          package_downloaded: 'Pacchetto scaricato dall’interessato (portale)',
          package_download_interrupted: 'Download dal portale interrotto',
        },
        portal_packages: { viewed: 'Pacchetti del portale di una richiesta letti' },
        portal: {
          package_code_sent: 'Portale: codice per il download inviato',
          package_code_wrong: 'Portale: codice per il download errato',
        },
        'retention.portal_packages_deleted': 'File dei pacchetti del portale scaduti cancellati',
      },
      entities: {
        portal_package: 'Pacchetto del portale',
      },
    },
  },
};
