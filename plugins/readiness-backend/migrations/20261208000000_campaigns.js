// @ts-check

/**
 * Campaigns and notifications:
 * - `readiness_campaign_entities`: each targeted entity of each campaign and
 *   where it stands, kept with the results (written when a result is), so
 *   that progress, per-group figures and open entities are SQL queries.
 * - `readiness_campaign_snapshots`: one row per campaign and day, the
 *   burn-up as it was recorded, never recomputed.
 * - `readiness_campaign_milestones`: a campaign's start, reminders, deadline
 *   and completion, each inserted once (primary key), so that what follows
 *   a milestone (events, notifications) happens once across replicas.
 * - `readiness_notification_outbox`: what is to be told to whom, written in
 *   the transaction that found it; `dedupe_key` keeps one row per fact.
 * - `readiness_notification_digests`: one row per recipient, topic and
 *   period, inserted before sending (unique), so that no digest is sent
 *   twice, by two replicas or after a restart.
 *
 * Campaign progress counts each campaign's targeted, met and regressed
 * entities of its scorecard on every view of the campaigns page: an index
 * holding every column those counts read (`readiness_ce_progress_idx`) lets
 * SQLite and MySQL count from the index alone (PostgreSQL too, on pages its
 * vacuum marked visible), instead of reading each row with its open checks;
 * its `met` prefix also counts a page's open or met entities.
 *
 * Times are milliseconds since the epoch (bigint): compared, never shown by
 * the database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_campaign_entities', table => {
    table.comment('Targeted entities of campaigns and where each stands');
    table.string('campaign_id', 128).notNullable();
    table.string('entity_ref', 512).notNullable();
    table.string('scorecard_id', 128).notNullable();
    table.string('owner_ref', 512).nullable();
    table.string('system_ref', 512).nullable();
    table.string('domain_ref', 512).nullable();
    table.string('level', 128).nullable();
    table
      .string('level_if_enforced', 128)
      .nullable()
      .comment('The level were the advisory goal checks enforced');
    table.boolean('met').notNullable();
    table.text('open_checks').notNullable().comment('JSON array of check ids');
    table.bigInteger('met_at').nullable().comment('First time it met the goal');
    table
      .bigInteger('regressed_at')
      .nullable()
      .comment('Last time it stopped meeting the goal after meeting it');
    table.bigInteger('updated_at').notNullable();
    table.primary(['campaign_id', 'entity_ref']);
    table.index(['campaign_id', 'met', 'entity_ref'], 'readiness_ce_met_idx');
    table.index(['campaign_id', 'owner_ref'], 'readiness_ce_owner_idx');
    table.index(
      ['campaign_id', 'scorecard_id', 'met', 'regressed_at'],
      'readiness_ce_progress_idx',
    );
    table.index(['entity_ref'], 'readiness_ce_entity_idx');
  });

  await knex.schema.createTable('readiness_campaign_snapshots', table => {
    table.comment('A campaign burn-up: targeted and met entities per day');
    table.string('campaign_id', 128).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.integer('targeted').notNullable();
    table.integer('met').notNullable();
    table.primary(['campaign_id', 'day']);
  });

  await knex.schema.createTable('readiness_campaign_milestones', table => {
    table.comment('Campaign milestones, each reached once');
    table.string('campaign_id', 128).notNullable();
    table
      .string('milestone', 64)
      .notNullable()
      .comment('started, reminder-<days>d, due or completed');
    table.bigInteger('reached_at').notNullable();
    table.text('details').nullable().comment('JSON: progress at the time');
    table.primary(['campaign_id', 'milestone']);
  });

  await knex.schema.createTable('readiness_notification_outbox', table => {
    table.comment('Notifications waiting for their digest');
    table.bigIncrements('id').primary();
    table.string('recipient', 512).notNullable().comment('Entity ref');
    table.string('topic', 64).notNullable();
    table
      .string('dedupe_key', 255)
      .notNullable()
      .unique({ indexName: 'readiness_outbox_dedupe_idx' });
    table.string('entity_ref', 512).nullable();
    table.text('payload').notNullable().comment('JSON: one digest line');
    table.bigInteger('created_at').notNullable();
    table
      .bigInteger('digest_id')
      .nullable()
      .comment('The digest that took it; null while waiting');
    table.index(['digest_id', 'recipient', 'topic'], 'readiness_outbox_idx');
  });

  await knex.schema.createTable('readiness_notification_digests', table => {
    table.comment('Digests, one per recipient, topic and period');
    table.bigIncrements('id').primary();
    table.string('recipient', 512).notNullable();
    table.string('topic', 64).notNullable();
    table
      .string('period', 32)
      .notNullable()
      .comment('The period it covers, e.g. 2027-01-10 for a daily digest');
    table.string('status', 16).notNullable().comment('sending, sent or failed');
    table.bigInteger('claimed_at').notNullable();
    table.bigInteger('sent_at').nullable();
    table.text('error').nullable();
    table.unique(['recipient', 'topic', 'period'], {
      indexName: 'readiness_digests_once_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_notification_digests');
  await knex.schema.dropTable('readiness_notification_outbox');
  await knex.schema.dropTable('readiness_campaign_milestones');
  await knex.schema.dropTable('readiness_campaign_snapshots');
  await knex.schema.dropTable('readiness_campaign_entities');
};
