import path from 'node:path';

/** shared/ sits beside the repository checkout (locally and in CI). */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');
export const IMPERAL_CORPUS = path.join(SHARED_DIR, 'corpus', 'imperal');
