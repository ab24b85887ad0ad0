// @ts-check

/**
 * A change caused by an exemption or attestation says which and what
 * happened to it (approved, revoked, expired).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_history', table => {
    table
      .string('note', 512)
      .nullable()
      .comment('For an exemption or attestation: which, and what happened');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_history', table => {
    table.dropColumn('note');
  });
};
