// @ts-check

/**
 * Current results: one row per entity and scorecard that applies to it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_scorecard_results', table => {
    table.comment('The latest evaluation of each scorecard for each entity');
    table
      .string('entity_ref', 512)
      .notNullable()
      .comment('Stringified ref of the evaluated entity');
    table
      .string('scorecard_id', 128)
      .notNullable()
      .comment('Id of the evaluated scorecard');
    table
      .string('entity_etag', 128)
      .nullable()
      .comment('metadata.etag of the entity as evaluated, to spot changes');
    table.float('score').notNullable().comment('0 to 100');
    table
      .string('level', 128)
      .nullable()
      .comment('Highest level reached, null below the first');
    table
      .dateTime('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the result was computed');
    table
      .text('result', 'longtext')
      .notNullable()
      .comment('The whole result as JSON: checks, evidence, categories');
    table.primary(['entity_ref', 'scorecard_id']);
    table.index(['scorecard_id', 'score'], 'readiness_results_scorecard_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_scorecard_results');
};
