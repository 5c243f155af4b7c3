export { REQUEST_FILE_PATH, requestFilePath } from './requestFilePath';
export { RequestFilePage } from './RequestFilePage';
