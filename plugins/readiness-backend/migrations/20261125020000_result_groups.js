// @ts-check

/**
 * The owner, system and domain of the evaluated entity, as columns, so that
 * leaderboards group and aggregate results in the database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.string('owner_ref', 512).nullable().comment('Owner entity ref');
    table.string('system_ref', 512).nullable().comment('System entity ref');
    table.string('domain_ref', 512).nullable().comment('Domain entity ref');
    table.index(['scorecard_id', 'owner_ref'], 'readiness_results_owner_idx');
    table.index(['scorecard_id', 'system_ref'], 'readiness_results_system_idx');
    table.index(['scorecard_id', 'domain_ref'], 'readiness_results_domain_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropIndex([], 'readiness_results_owner_idx');
    table.dropIndex([], 'readiness_results_system_idx');
    table.dropIndex([], 'readiness_results_domain_idx');
    table.dropColumn('owner_ref');
    table.dropColumn('system_ref');
    table.dropColumn('domain_ref');
  });
};
