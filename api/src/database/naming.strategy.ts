import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** Entities use camelCase properties; tables and columns are snake_case. */
export const namingStrategy = new SnakeNamingStrategy();
