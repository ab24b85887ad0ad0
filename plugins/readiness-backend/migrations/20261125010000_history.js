// @ts-check

/**
 * History of changes only: a row when an entity's level or a check's status
 * changes, with the cause, so the table grows with change, not with time.
 * Results remember which version of their scorecard computed them, so that a
 * change can be put down to the scorecard.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table
      .string('scorecard_version', 64)
      .nullable()
      .comment('Hash of the scorecard definition that computed the result');
  });
  await knex.schema.createTable('readiness_history', table => {
    table.comment('Changes of level and check status, with their cause');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.string('scorecard_id', 128).notNullable();
    table.dateTime('changed_at', { useTz: true }).notNullable();
    table
      .string('cause', 32)
      .notNullable()
      .comment('first-evaluation, entity, scorecard or facts');
    table.string('level_before', 128).nullable();
    table.string('level_after', 128).nullable();
    table.float('score_before').nullable();
    table.float('score_after').notNullable();
    table
      .text('checks', 'longtext')
      .notNullable()
      .comment('JSON: the checks whose status changed, before and after');
    table.index(['entity_ref', 'changed_at'], 'readiness_history_entity_idx');
    table.index(['changed_at'], 'readiness_history_changed_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_history');
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropColumn('scorecard_version');
  });
};
