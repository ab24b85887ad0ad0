import { randomBytes } from 'node:crypto';
import { Knex } from 'knex';

const SECRETS_TABLE = 'readiness_secrets';

/**
 * The plugin's 32-byte secret of this name, made at first use. Replicas
 * starting together race to make it; the first insert wins and every
 * replica reads that one.
 */
export async function readPluginSecret(
  db: Knex,
  name: string,
): Promise<Buffer> {
  await db(SECRETS_TABLE)
    .insert({ name, secret: randomBytes(32).toString('base64') })
    .onConflict('name')
    .ignore();
  const row: { secret: string } | undefined = await db(SECRETS_TABLE)
    .where({ name })
    .first('secret');
  return Buffer.from(row!.secret, 'base64');
}
