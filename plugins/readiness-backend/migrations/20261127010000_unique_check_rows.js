// @ts-check

/**
 * One row per entity, scorecard and check: a unique index, so that a
 * changed status is updated in place (an upsert, safe when two writers
 * store the same entity) and so that looking a check up by entity has an
 * index of its own. Without statistics, SQLite chose the status index for
 * such lookups and scanned every entity's row of that check.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Two concurrent writers could leave a check twice; keep the newest.
  const newest = knex
    .from(
      knex('readiness_check_results')
        .groupBy('entity_ref', 'scorecard_id', 'check_id')
        .max({ id: 'id' })
        .as('newest'),
    )
    .select('id');
  await knex('readiness_check_results').whereNotIn('id', newest).delete();
  await knex.schema.alterTable('readiness_check_results', table => {
    table.dropIndex([], 'readiness_checks_entity_idx');
    table.unique(['entity_ref', 'scorecard_id', 'check_id'], {
      indexName: 'readiness_checks_entity_check_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_check_results', table => {
    table.dropUnique([], 'readiness_checks_entity_check_idx');
    table.index(['entity_ref', 'scorecard_id'], 'readiness_checks_entity_idx');
  });
};
