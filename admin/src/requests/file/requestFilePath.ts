/** The request's file, a page of its own without the console's menu so that it prints clean. */
export const REQUEST_FILE_PATH = '/requests/:id/file';

export const requestFilePath = (id: string) => `/requests/${encodeURIComponent(id)}/file`;
