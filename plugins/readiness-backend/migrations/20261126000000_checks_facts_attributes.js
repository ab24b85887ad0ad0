// @ts-check

/** Results read at a time: each holds a whole result as JSON. */
const RESULTS_PER_BATCH = 500;

/**
 * - Check statuses as rows, so that pass rates and "who fails this check"
 *   are answered by the database.
 * - The entity's kind, type, lifecycle and tags beside its results, so that
 *   leaderboards and lists filter on them.
 * - The last facts each collector observed for each entity, so that a
 *   failing collector leaves the last good facts in place, with their age.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.string('entity_kind', 63).nullable().comment('Lower-case kind');
    table.string('entity_type', 255).nullable().comment('spec.type');
    table.string('lifecycle', 255).nullable().comment('spec.lifecycle');
    table
      .string('tags', 1024)
      .nullable()
      .comment('metadata.tags as ",a,b,", to filter with LIKE');
  });

  await knex.schema.createTable('readiness_check_results', table => {
    table.comment('The current status of each check for each entity');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 512).notNullable();
    table.string('scorecard_id', 128).notNullable();
    table.string('check_id', 128).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pass, fail, unknown, not-applicable or waived');
    table.index(
      ['scorecard_id', 'check_id', 'status'],
      'readiness_checks_status_idx',
    );
    table.index(['entity_ref', 'scorecard_id'], 'readiness_checks_entity_idx');
  });

  // Results stored before this version get their check rows now, a batch
  // at a time in key order, so that memory does not grow with the table.
  /** @type {{entity_ref: string, scorecard_id: string} | undefined} */
  let after;
  for (;;) {
    const from = after;
    /** @type {Array<{entity_ref: string, scorecard_id: string, result: string}>} */
    const rows = await knex('readiness_scorecard_results')
      .modify(query => {
        if (from) {
          const { entity_ref, scorecard_id } = from;
          query.where(q =>
            q
              .where('entity_ref', '>', entity_ref)
              .orWhere(q2 =>
                q2
                  .where('entity_ref', entity_ref)
                  .where('scorecard_id', '>', scorecard_id),
              ),
          );
        }
      })
      .orderBy(['entity_ref', 'scorecard_id'])
      .limit(RESULTS_PER_BATCH)
      .select('entity_ref', 'scorecard_id', 'result');
    if (rows.length === 0) {
      break;
    }
    after = rows[rows.length - 1];
    const checkRows = rows.flatMap(row =>
      (JSON.parse(row.result).checks ?? []).map(
        (/** @type {{id: string, status: string}} */ check) => ({
          entity_ref: row.entity_ref,
          scorecard_id: row.scorecard_id,
          check_id: check.id,
          status: check.status,
        }),
      ),
    );
    await knex.batchInsert('readiness_check_results', checkRows, 500);
  }

  await knex.schema.createTable('readiness_entity_facts', table => {
    table.comment('The last facts each collector gave for each entity');
    table.string('entity_ref', 512).notNullable();
    table.string('collector_id', 128).notNullable();
    table
      .dateTime('observed_at', { useTz: true })
      .notNullable()
      .comment('When the collector last succeeded');
    table
      .text('facts', 'longtext')
      .notNullable()
      .comment('JSON: fact values by name');
    table.primary(['entity_ref', 'collector_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_entity_facts');
  await knex.schema.dropTable('readiness_check_results');
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropColumn('entity_kind');
    table.dropColumn('entity_type');
    table.dropColumn('lifecycle');
    table.dropColumn('tags');
  });
};
