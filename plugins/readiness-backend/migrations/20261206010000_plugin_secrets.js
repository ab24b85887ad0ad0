// @ts-check

/**
 * Random secrets the plugin makes for itself and every replica shares, such
 * as the key that seals `/results` cursors: a cursor may point at a result
 * the caller may not read, and must not show which.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_secrets', table => {
    table.comment('Random secrets of the plugin, made at first use');
    table.string('name', 64).primary().comment('What the secret is for');
    table.string('secret', 128).notNullable().comment('Base64, random');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_secrets');
};
