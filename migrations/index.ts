import { InitialSchema1795387218522 } from './1795387218522-InitialSchema';
import { PersonalDataSources1795388432852 } from './1795388432852-PersonalDataSources';
import { DataSubjectRequests1795390480214 } from './1795390480214-DataSubjectRequests';
import { Registers1795391129552 } from './1795391129552-Registers';
import { SeedRegisters1795391200000 } from './1795391200000-SeedRegisters';

// The migrations, oldest first. `npm run migration:generate -- <Name>` adds new ones here.
export const MIGRATIONS: Function[] = [InitialSchema1795387218522, PersonalDataSources1795388432852, DataSubjectRequests1795390480214, Registers1795391129552, SeedRegisters1795391200000];
