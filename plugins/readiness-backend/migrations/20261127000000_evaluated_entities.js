// @ts-check

/**
 * When each scored entity was last evaluated, and its etag then, in a narrow
 * table of their own. A run that finds an entity's results unchanged only
 * touches this small row and leaves the wide result rows alone: rewriting
 * every result on every run left a dead copy of each behind in PostgreSQL
 * until a vacuum.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_evaluated_entities', table => {
    table.comment('Entities with results: when last evaluated, at what etag');
    table.string('entity_ref', 512).primary();
    table
      .string('entity_etag', 128)
      .nullable()
      .comment('metadata.etag of the entity as evaluated, to spot changes');
    table
      .dateTime('evaluated_at', { useTz: true })
      .notNullable()
      .comment('When the results were last computed');
  });
  if (knex.client.config.client === 'pg') {
    // Every run updates every row: room on each page lets PostgreSQL update
    // in place (HOT) and reuse the space without waiting for a vacuum.
    await knex.raw(
      'ALTER TABLE readiness_evaluated_entities SET (fillfactor = 50)',
    );
  }
  await knex
    .insert(
      knex('readiness_scorecard_results')
        .groupBy('entity_ref')
        .select(
          'entity_ref',
          knex.raw('max(entity_etag) as entity_etag'),
          knex.raw('max(evaluated_at) as evaluated_at'),
        ),
    )
    .into(
      knex.raw('?? (??, ??, ??)', [
        'readiness_evaluated_entities',
        'entity_ref',
        'entity_etag',
        'evaluated_at',
      ]),
    );
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.dropColumn('entity_etag');
    table.dropColumn('evaluated_at');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('readiness_scorecard_results', table => {
    table.string('entity_etag', 128).nullable();
    table.dateTime('evaluated_at', { useTz: true }).nullable();
  });
  // A batch of entities at a time, in key order, so that memory does not
  // grow with the table.
  /** @type {string | undefined} */
  let after;
  for (;;) {
    const from = after;
    const entities = await knex('readiness_evaluated_entities')
      .modify(query => {
        if (from !== undefined) {
          query.where('entity_ref', '>', from);
        }
      })
      .orderBy('entity_ref')
      .limit(1000)
      .select();
    if (entities.length === 0) {
      break;
    }
    after = entities[entities.length - 1].entity_ref;
    for (const entity of entities) {
      await knex('readiness_scorecard_results')
        .where({ entity_ref: entity.entity_ref })
        .update({
          entity_etag: entity.entity_etag,
          evaluated_at: entity.evaluated_at,
        });
    }
  }
  await knex.schema.dropTable('readiness_evaluated_entities');
};
