import italianBase from 'ra-language-italian';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';

import type { AppMessages } from './en';

/**
 * ra-language-italian 3.x predates react-admin 5: it lacks about sixty keys,
 * uses `%{id}` where react-admin 5 passes `%{recordRepresentation}`, and has a
 * few untranslated or misspelt strings. These complete and correct it.
 */
const raItalianFixes = {
    ra: {
        action: {
            back: 'Indietro',
            bulk_actions: '1 elemento selezionato |||| %{smart_count} elementi selezionati',
            clear_array_input: "Svuota l'elenco",
            clear_input_value: 'Cancella il valore',
            create_item: 'Crea %{item}',
            delete: 'Elimina',
            remove_all_filters: 'Rimuovi tutti i filtri',
            reset: 'Reimposta',
            search: 'Cerca',
            search_columns: 'Cerca colonne',
            select_all: 'Seleziona tutto',
            select_all_button: 'Seleziona tutto',
            select_row: 'Seleziona questa riga',
            update: 'Aggiorna',
            move_up: 'Sposta su',
            move_down: 'Sposta giù',
            open: 'Apri',
            toggle_theme: 'Passa al tema chiaro/scuro',
            select_columns: 'Colonne',
            update_application: "Ricarica l'applicazione",
        },
        boolean: {
            true: 'Sì',
            false: 'No',
            null: ' ',
        },
        page: {
            create: 'Crea %{name}',
            dashboard: 'Cruscotto',
            edit: '%{name} %{recordRepresentation}',
            show: '%{name} %{recordRepresentation}',
            empty: 'Ancora nessun elemento in %{name}.',
            invite: 'Vuoi aggiungerne uno?',
            access_denied: 'Accesso negato',
            authentication_error: 'Errore di autenticazione',
        },
        input: {
            password: {
                toggle_visible: 'Nascondi la password',
                toggle_hidden: 'Mostra la password',
            },
        },
        message: {
            access_denied: 'Non hai i permessi necessari per accedere a questa pagina',
            are_you_sure: 'Sei sicuro?',
            authentication_error:
                'Il server di autenticazione ha restituito un errore e non è stato possibile verificare le tue credenziali.',
            auth_error: 'Si è verificato un errore durante la validazione del token di autenticazione.',
            bulk_delete_content:
                'Vuoi davvero eliminare questo elemento (%{name})? |||| Vuoi davvero eliminare questi %{smart_count} elementi?',
            bulk_delete_title: 'Elimina %{name} |||| Elimina %{smart_count} elementi (%{name})',
            bulk_update_content:
                'Vuoi davvero aggiornare %{name} %{recordRepresentation}? |||| Vuoi davvero aggiornare questi %{smart_count} elementi?',
            bulk_update_title:
                'Aggiorna %{name} %{recordRepresentation} |||| Aggiorna %{smart_count} elementi (%{name})',
            clear_array_input: "Vuoi davvero svuotare l'intero elenco?",
            delete_content: 'Vuoi davvero eliminare questo elemento (%{name})?',
            delete_title: 'Elimina %{name} %{recordRepresentation}',
            error: 'Si è verificato un errore e la richiesta non è stata completata.',
            invalid_form: 'Il modulo non è valido. Controlla gli errori evidenziati.',
            loading: 'Attendere prego',
            not_found: "L'indirizzo inserito è errato oppure il link seguito non è valido.",
            select_all_limit_reached:
                'Gli elementi sono troppi per selezionarli tutti. Sono stati selezionati solo i primi %{max}.',
            yes: 'Sì',
            placeholder_data_warning: 'Problema di rete: aggiornamento dei dati non riuscito.',
        },
        navigation: {
            clear_filters: 'Cancella i filtri',
            no_filtered_results: 'Nessun risultato con i filtri attuali.',
            no_results: 'Nessun risultato trovato',
            no_more_results: 'La pagina %{page} è fuori intervallo. Prova la pagina precedente.',
            page_out_of_boundaries: 'La pagina %{page} è fuori intervallo',
            page_out_from_end: "Non è possibile andare oltre l'ultima pagina",
            page_out_from_begin: 'Non è possibile andare prima della pagina 1',
            page_range_info: '%{offsetBegin}-%{offsetEnd} di %{total}',
            partial_page_range_info: '%{offsetBegin}-%{offsetEnd} di oltre %{offsetEnd}',
            current_page: 'Pagina %{page}',
            page: 'Vai alla pagina %{page}',
            first: 'Vai alla prima pagina',
            last: "Vai all'ultima pagina",
            next: 'Vai alla pagina successiva',
            previous: 'Vai alla pagina precedente',
            page_rows_per_page: 'Righe per pagina:',
        },
        sort: {
            sort_by: 'Ordina per %{field_lower_first} in ordine %{order}',
            ASC: 'crescente',
            DESC: 'decrescente',
        },
        auth: {
            auth_check_error: 'Accedi per continuare',
            user_menu: 'Profilo',
            username: 'Nome utente',
            password: 'Password',
            email: 'Email',
            sign_in: 'Accedi',
            sign_in_error: 'Autenticazione non riuscita, riprova.',
            logout: 'Esci',
        },
        notification: {
            updated: 'Elemento aggiornato |||| %{smart_count} elementi aggiornati',
            created: 'Elemento creato',
            deleted: 'Elemento eliminato |||| %{smart_count} elementi eliminati',
            bad_item: 'Elemento non valido',
            item_doesnt_exist: "L'elemento non esiste",
            http_error: 'Errore di comunicazione con il server',
            data_provider_error: 'Errore del dataProvider. Controlla la console per i dettagli.',
            i18n_error: 'Impossibile caricare le traduzioni per la lingua selezionata',
            canceled: 'Azione annullata',
            logged_out: 'La sessione è terminata, accedi di nuovo.',
            not_authorized: 'Non sei autorizzato ad accedere a questa risorsa.',
            application_update_available: 'È disponibile una nuova versione.',
            offline: 'Nessuna connessione. Impossibile recuperare i dati.',
        },
        validation: {
            required: 'Campo obbligatorio',
            minLength: 'Deve contenere almeno %{min} caratteri',
            maxLength: 'Deve contenere al massimo %{max} caratteri',
            email: 'Deve essere un indirizzo email valido',
            regex: 'Deve rispettare il formato richiesto (espressione regolare): %{pattern}',
            unique: 'Deve essere univoco',
        },
        saved_queries: {
            label: 'Ricerche salvate',
            query_name: 'Nome della ricerca',
            new_label: 'Salva la ricerca attuale…',
            new_dialog_title: 'Salva la ricerca attuale come',
            remove_label: 'Rimuovi la ricerca salvata',
            remove_label_with_name: 'Rimuovi la ricerca "%{name}"',
            remove_dialog_title: 'Rimuovere la ricerca salvata?',
            remove_message: "Vuoi davvero rimuovere questa voce dall'elenco delle ricerche salvate?",
            help: "Filtra l'elenco e salva questa ricerca per usarla in seguito",
        },
        guesser: {
            empty: {
                title: 'Nessun dato da mostrare',
                message: 'Controlla il tuo data provider',
            },
        },
        configurable: {
            customize: 'Personalizza',
            configureMode: 'Configura questa pagina',
            inspector: {
                title: 'Ispettore',
                content: "Passa il mouse sugli elementi dell'interfaccia per configurarli",
                reset: 'Ripristina le impostazioni',
                hideAll: 'Nascondi tutto',
                showAll: 'Mostra tutto',
            },
            Datagrid: {
                title: 'Tabella',
                unlabeled: 'Colonna senza etichetta n. %{column}',
            },
            SimpleForm: {
                title: 'Modulo',
                unlabeled: 'Campo senza etichetta n. %{input}',
            },
            SimpleList: {
                title: 'Elenco',
                primaryText: 'Testo principale',
                secondaryText: 'Testo secondario',
                tertiaryText: 'Testo terziario',
            },
        },
    },
};

export const appItalian: AppMessages = {
    app: {
        name: 'Console privacy',
        tagline: 'Spazio di lavoro per la conformità al GDPR',
        auth: {
            email: 'Email',
            too_many_attempts: 'Troppi tentativi di accesso. Attendi qualche istante e riprova.',
        },
        roles: {
            admin: 'Amministratore',
            officer: 'Referente privacy',
            auditor: 'Revisore',
        },
        dashboard: {
            welcome: {
                title: 'Ti diamo il benvenuto, %{name}',
                body: 'Da questa console il team privacy gestisce gli adempimenti del GDPR: risponde nei tempi alle richieste degli interessati e conserva un registro a prova di manomissione di ogni operazione svolta.',
                signed_in_as: 'Accesso effettuato come',
                today: 'Oggi è %{date}.',
                open_audit_log: 'Apri il registro di audit',
                manage_users: 'Gestisci gli utenti',
            },
            integrity: {
                title: 'Integrità del registro di audit',
                description:
                    "Ogni evento di audit è sigillato con un hash SHA-256 dell'evento precedente: qualsiasi alterazione spezza la catena.",
                checking: 'Verifica della catena di hash in corso…',
                intact: 'Integro — %{smart_count} evento verificato |||| Integro — %{smart_count} eventi verificati',
                broken: "Interrotto all'evento n. %{id}: %{reason}",
                broken_no_id: 'Interrotto: %{reason}',
                unknown_reason: 'motivo non indicato',
                events_checked: 'Eventi verificati',
                algorithm: 'Algoritmo',
                last_verified: 'Ultima verifica',
                verify_again: 'Verifica di nuovo',
                error: 'Non è stato possibile eseguire la verifica. Riprova più tardi.',
                reasons: {
                    hash_mismatch: "l'hash memorizzato non corrisponde al contenuto dell'evento",
                    prev_hash_mismatch: "il collegamento all'evento precedente non corrisponde",
                },
            },
            recent: {
                title: 'Attività recenti',
                subtitle: 'Le ultime cinque voci del registro di audit',
                empty: 'Non è stato ancora registrato alcun evento di audit.',
                error: 'Non è stato possibile caricare le attività recenti.',
                view_all: 'Vedi tutto',
                by: 'da %{actor}',
            },
        },
        audit: {
            system_actor: 'Sistema',
            no_details: 'Nessun dettaglio registrato',
            chain: 'Catena di hash',
            event: 'Evento',
        },
        users: {
            never: 'Mai',
            password_create_help: 'Almeno 12 caratteri.',
            password_edit_help: 'Lascia vuoto per non modificare la password.',
            status: 'Stato',
        },
    },
    resources: {
        users: {
            name: 'Utente |||| Utenti',
            empty: 'Ancora nessun utente.',
            invite: 'Vuoi creare il primo account?',
            fields: {
                id: 'ID',
                email: 'Email',
                fullName: 'Nome e cognome',
                role: 'Ruolo',
                active: 'Attivo',
                password: 'Password',
                createdAt: 'Creato il',
                updatedAt: 'Ultima modifica',
                lastLoginAt: 'Ultimo accesso',
                q: 'Cerca',
            },
        },
        'audit-events': {
            name: 'Evento di audit |||| Eventi di audit',
            empty: 'Il registro di audit è vuoto.',
            fields: {
                id: 'N. evento',
                at: 'Data e ora',
                actorId: 'ID autore',
                actorEmail: 'Autore',
                action: 'Azione',
                entity: 'Entità',
                entityId: 'ID entità',
                details: 'Dettagli',
                prevHash: 'Hash precedente',
                hash: 'Hash',
                q: 'Cerca',
                at_gte: 'Dal',
                at_lte: 'Al',
            },
            actions: {
                auth: {
                    login: 'Accesso effettuato',
                    login_failed: 'Accesso non riuscito',
                    logout: 'Disconnessione',
                },
                user: {
                    created: 'Utente creato',
                    updated: 'Utente modificato',
                    deleted: 'Utente eliminato',
                },
            },
            entities: {
                user: 'Utente',
                session: 'Sessione',
            },
        },
    },
};

// English first only so that the result has react-admin 5's full key set;
// every key is then overridden in Italian (checked when the fixes were written).
const it: TranslationMessages = {
    ...mergeTranslations(englishMessages, italianBase, raItalianFixes),
    ...appItalian,
};

export default it;
