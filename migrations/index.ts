import { InitialSchema1795387218522 } from './1795387218522-InitialSchema';
import { PersonalDataSources1795388432852 } from './1795388432852-PersonalDataSources';
import { DataSubjectRequests1795390480214 } from './1795390480214-DataSubjectRequests';

// The migrations, oldest first. `npm run migration:generate -- <Name>` adds new ones here.
export const MIGRATIONS: Function[] = [InitialSchema1795387218522, PersonalDataSources1795388432852, DataSubjectRequests1795390480214];
