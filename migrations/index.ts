import { InitialSchema1795387218522 } from './1795387218522-InitialSchema';

// The migrations, oldest first. `npm run migration:generate -- <Name>` adds new ones here.
export const MIGRATIONS: Function[] = [InitialSchema1795387218522];
