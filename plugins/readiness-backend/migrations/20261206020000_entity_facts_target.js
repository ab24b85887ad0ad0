// @ts-check

/**
 * What a collector read for an entity (a hash of, e.g., the repository its
 * annotation names) beside the facts it gave: facts are used only while the
 * entity still points the collector at the same target. Facts stored before
 * have none, and are not used until the collector is asked anew.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_entity_facts', table => {
    table
      .string('target', 64)
      .nullable()
      .comment('Hash of what the collector read for the entity');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_entity_facts', table => {
    table.dropColumn('target');
  });
};
