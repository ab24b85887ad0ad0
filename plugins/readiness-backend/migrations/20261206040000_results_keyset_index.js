// @ts-check

/**
 * `GET /results` pages by keyset, (score, entity_ref) after the last one
 * read: an index ending in entity_ref gives where a page starts inside a
 * tie on the score, which is common (every entity at 100). It replaces the
 * (scorecard_id, score) index, a prefix of it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.index(
      ['scorecard_id', 'score', 'entity_ref'],
      'readiness_results_keyset_idx',
    );
  });
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropIndex([], 'readiness_results_scorecard_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.index(['scorecard_id', 'score'], 'readiness_results_scorecard_idx');
  });
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropIndex([], 'readiness_results_keyset_idx');
  });
};
