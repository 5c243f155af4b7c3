export { FindPersonPage } from './FindPersonPage';
export { FIND_PERSON_PATH, findPersonPath } from './findPersonPath';
export { ErasedNotice } from './ErasedNotice';
