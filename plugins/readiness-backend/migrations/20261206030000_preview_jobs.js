// @ts-check

/**
 * Scorecard previews run as background jobs; their state is kept here so
 * that a poll landing on another replica finds it. Finished jobs are
 * deleted after a retention.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('readiness_preview_jobs', table => {
    table.comment('Scorecard preview jobs: who started them, and how they are');
    table.string('id', 36).primary().comment('A random UUID');
    table
      .string('owner', 512)
      .notNullable()
      .comment('Who started the job: a user entity ref or a service subject');
    table
      .string('running_owner', 512)
      .nullable()
      .unique({ indexName: 'readiness_preview_jobs_running_idx' })
      .comment(
        'The owner while the job runs, else null: one running job per owner',
      );
    table.string('scorecard_id', 128).notNullable();
    table.string('status', 16).notNullable().comment('running, done or failed');
    table
      .integer('evaluated')
      .notNullable()
      .defaultTo(0)
      .comment('Entities evaluated so far');
    table
      .text('result', 'longtext')
      .nullable()
      .comment('JSON of the preview, once done');
    table.text('reason').nullable().comment('Why the job failed');
    table.dateTime('started_at', { useTz: true }).notNullable();
    table.dateTime('finished_at', { useTz: true }).nullable();
    table.index(['finished_at'], 'readiness_preview_jobs_finished_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('readiness_preview_jobs');
};
