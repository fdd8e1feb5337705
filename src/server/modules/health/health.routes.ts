import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

export function healthRoutes(app: FastifyInstance) {
  app.get('/health', { schema: { tags: ['health'] }, config: { access: 'public' } }, async (request) => {
    const { database } = request.server.deps;
    await database.db.execute(sql`select 1`);
    return { status: 'ok', database: database.kind };
  });
}
