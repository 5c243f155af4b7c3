import { useQuery } from '@tanstack/react-query';
import { AutocompleteInput, useDataProvider, useTranslate, type AutocompleteInputProps } from 'react-admin';

import type { AppDataProvider } from '../dataProvider';

/**
 * The audit log's actor filter: an account picked from those that acted, by typing any part of
 * its name or e-mail ("ross" finds Laura Rossi). A deleted account is there by the e-mail it
 * acted with. Filters on `actorId`.
 */
export const ActorInput = (props: Omit<AutocompleteInputProps, 'choices' | 'source'> & { source: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const actors = useQuery({ queryKey: ['audit', 'actors'], queryFn: () => dataProvider.auditActors() });
  const choices = (actors.data ?? []).map((actor) => ({
    id: actor.id,
    name: actor.fullName
      ? `${actor.fullName} · ${actor.email}`
      : translate('app.audit.deleted_actor', { email: actor.email ?? '' }),
  }));
  return <AutocompleteInput {...props} choices={choices} isPending={actors.isPending} />;
};
