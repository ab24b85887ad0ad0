// @ts-check

/**
 * Facts pushed by pipelines, and badge ids:
 * - `readiness_pushed_facts`: the latest value of each pushed fact of each
 *   entity, with who pushed it, from which source and when it was observed,
 *   so that a condition's `maxAge` reads the time of the observation.
 * - `readiness_badges`: the unguessable id under which an entity's badge on
 *   a scorecard is served without a session (`readiness.badges.public`);
 *   one per entity and scorecard, so that the snippet stays the same.
 *
 * Times are milliseconds since the epoch (bigint).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_pushed_facts', table => {
    table.comment('The latest value of each pushed fact of each entity');
    table.string('entity_ref', 512).notNullable();
    table
      .string('fact_name', 128)
      .notNullable()
      .comment('The full fact name, e.g. pushed.testCoverage');
    // MEDIUMTEXT on MySQL: a list of 100 items of 256 characters may pass
    // TEXT's 64 KiB in UTF-8; other databases ignore the length.
    table
      .text('value', 'mediumtext')
      .notNullable()
      .comment('JSON of the value');
    table
      .string('source', 128)
      .notNullable()
      .comment('What pushed it, as the pipeline said, e.g. github-actions');
    table
      .string('pushed_by', 512)
      .notNullable()
      .comment('The principal that pushed it: a service subject');
    table.bigInteger('observed_at').notNullable();
    table.bigInteger('pushed_at').notNullable();
    table.primary(['entity_ref', 'fact_name']);
  });
  await knex.schema.createTable('readiness_badges', table => {
    table.comment('Unguessable ids of public readiness badges');
    table.string('id', 64).primary().comment('Random, URL-safe');
    table.string('entity_ref', 512).notNullable();
    table.string('scorecard_id', 128).notNullable();
    table.string('created_by', 512).notNullable();
    table.bigInteger('created_at').notNullable();
    table.unique(['entity_ref', 'scorecard_id'], {
      indexName: 'readiness_badges_entity_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_badges');
  await knex.schema.dropTable('readiness_pushed_facts');
};
