import { preparePostgresTemplate } from './test-db';

export default async function setup() {
  if (process.env.TEST_DATABASE_URL) await preparePostgresTemplate();
}
