// @ts-check

/**
 * How many checks of a result are waived (by the scorecard or by an
 * exemption), so that leaderboards and scorecard pages can show, per group,
 * how much of a score rests on waivers. Existing results count theirs from
 * the check rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table
      .integer('waived_checks')
      .notNullable()
      .defaultTo(0)
      .comment('Checks of the result that are waived');
  });
  await knex('readiness_scorecard_results').update({
    waived_checks: knex('readiness_check_results as c')
      .count('*')
      .whereRaw('?? = ??', [
        'c.entity_ref',
        'readiness_scorecard_results.entity_ref',
      ])
      .whereRaw('?? = ??', [
        'c.scorecard_id',
        'readiness_scorecard_results.scorecard_id',
      ])
      .where('c.status', 'waived'),
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropColumn('waived_checks');
  });
};
