export { RETENTION_PATH, RetentionPage } from './RetentionPage';
