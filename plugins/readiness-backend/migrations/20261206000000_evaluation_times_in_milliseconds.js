// @ts-check

/**
 * Evaluation times to the millisecond on MySQL, whose `datetime` keeps whole
 * seconds: writes are merged on these times (an older evaluation does not
 * replace a newer one), and the end of a full run removes the results of
 * entities evaluated before it started, so an entity evaluated in the run's
 * first second must not read as evaluated before it. PostgreSQL and SQLite
 * keep milliseconds already.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!isMySql(knex)) {
    return;
  }
  await knex.schema.alterTable('readiness_evaluated_entities', table => {
    table
      .dateTime('evaluated_at', { useTz: true, precision: 3 })
      .notNullable()
      .comment('When the results were last computed')
      .alter();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isMySql(knex)) {
    return;
  }
  await knex.schema.alterTable('readiness_evaluated_entities', table => {
    table
      .dateTime('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the results were last computed')
      .alter();
  });
};

/** @param {import('knex').Knex} knex */
function isMySql(knex) {
  return String(knex.client.config.client).includes('mysql');
}
