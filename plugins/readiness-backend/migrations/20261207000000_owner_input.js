// @ts-check

/**
 * Exemptions and attestations, with every step of their workflow:
 * - `readiness_owner_inputs`: one row per request and where it stands.
 * - `readiness_owner_input_subjects`: the checks (or the attestation) each
 *   covers. `pending_key` holds a hash of kind, entity, scorecard and
 *   subject while the request is pending, else null: a unique column, so
 *   that two racing requests for the same check cannot both be pending, on
 *   every database (each lets many rows be null).
 * - `readiness_owner_input_events`: who did what when, with the comment.
 *
 * Times keep milliseconds on MySQL too (`precision: 3`), like evaluation
 * times; end dates are `YYYY-MM-DD` strings, compared as strings.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_owner_inputs', table => {
    table.comment('Exemptions and attestations, and where each stands');
    table.string('id', 36).primary().comment('A random UUID');
    table.string('kind', 16).notNullable().comment('exemption or attestation');
    table.string('entity_ref', 512).notNullable();
    table.string('scorecard_id', 128).notNullable();
    table
      .text('text', 'longtext')
      .notNullable()
      .comment('Markdown: the reason of an exemption, or a statement');
    table.text('link').nullable().comment('A ticket or evidence URL');
    table
      .string('expires_at', 10)
      .nullable()
      .comment('YYYY-MM-DD, the last day an exemption applies');
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, active, rejected, revoked or expired');
    table.string('requested_by', 512).notNullable();
    table.dateTime('requested_at', { useTz: true, precision: 3 }).notNullable();
    table.string('decided_by', 512).nullable();
    table.dateTime('decided_at', { useTz: true, precision: 3 }).nullable();
    table.text('decision_comment', 'mediumtext').nullable();
    table
      .string('closed_by', 512)
      .nullable()
      .comment('Who revoked it; null when it expired');
    table.dateTime('closed_at', { useTz: true, precision: 3 }).nullable();
    table.text('close_comment', 'mediumtext').nullable();
    table.index(['entity_ref'], 'readiness_owner_inputs_entity_idx');
    table.index(['status', 'expires_at'], 'readiness_owner_inputs_status_idx');
    table.index(
      ['kind', 'requested_at'],
      'readiness_owner_inputs_requested_idx',
    );
  });

  await knex.schema.createTable('readiness_owner_input_subjects', table => {
    table.comment('The checks, or the attestation, a request covers');
    table.string('owner_input_id', 36).notNullable();
    table.string('subject', 128).notNullable().comment('A check id');
    table
      .string('pending_key', 64)
      .nullable()
      .unique({ indexName: 'readiness_owner_input_pending_idx' })
      .comment(
        'SHA-256 of kind, entity, scorecard and subject while pending, else null',
      );
    table.primary(['owner_input_id', 'subject']);
  });

  await knex.schema.createTable('readiness_owner_input_events', table => {
    table.comment('Every step of the workflow: who, when, what, why');
    table.bigIncrements('id').primary();
    table.string('owner_input_id', 36).notNullable();
    table
      .string('action', 16)
      .notNullable()
      .comment('requested, approved, rejected, revoked or expired');
    table
      .string('actor', 512)
      .nullable()
      .comment('User entity ref; null for what the plugin did (expiry)');
    table.dateTime('at', { useTz: true, precision: 3 }).notNullable();
    table.text('comment', 'mediumtext').nullable();
    table.index(['owner_input_id'], 'readiness_owner_input_events_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_owner_input_events');
  await knex.schema.dropTable('readiness_owner_input_subjects');
  await knex.schema.dropTable('readiness_owner_inputs');
};
