// Limits shared by the forms and the API so both say the same thing.
export const MAX_TITLE_LENGTH = 500;
export const MAX_NUMBER_LENGTH = 120;
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_NAME_LENGTH = 300;
// The hard ceiling for any single upload; the configurable limit (setting max_upload_mb) is below it.
export const MAX_UPLOAD_BYTES_CEILING = 200 * 1024 * 1024;
export const PAGE_SIZE_MAX = 100;
