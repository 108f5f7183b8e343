// @ts-check

/**
 * Incidents, their timelines and the escalation notifications already sent.
 * Times are `timestamp with time zone` in PostgreSQL (statistics in SQL use
 * them); better-sqlite3 stores the same bindings as epoch milliseconds.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('incidents', table => {
    table.comment(
      'Incidents, one row each; the timeline says how they got here',
    );
    table.uuid('id').primary().notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table
      .string('level', 3)
      .notNullable()
      .comment('P1, P2, ... (incidents.levels)');
    table.string('stage', 16).notNullable();
    table
      .boolean('is_open')
      .notNullable()
      .comment('stage before resolved: the list shows these first');
    table.string('entity_ref', 255).nullable();
    table.string('owner', 255).nullable();
    table.json('responders').notNullable().comment('user refs, a JSON array');
    table.string('source', 16).notNullable().comment('manual | alertmanager');
    table.text('alert_group_key').nullable();
    table
      .string('dedup_key', 64)
      .nullable()
      .unique()
      .comment(
        'sha256 of the Alertmanager group key while the incident is not closed: one incident per firing group',
      );
    table.timestamp('detected_at', { useTz: true, precision: 3 }).notNullable();
    table
      .timestamp('acknowledged_at', { useTz: true, precision: 3 })
      .nullable();
    table.timestamp('resolved_at', { useTz: true, precision: 3 }).nullable();
    table.timestamp('closed_at', { useTz: true, precision: 3 }).nullable();
    table.text('postmortem').nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable();
    table.integer('version').notNullable().defaultTo(1);

    // the list: open first, newest first (and its cursor)
    table.index(['is_open', 'detected_at', 'id'], 'incidents_list_idx');
    table.index(['stage'], 'incidents_stage_idx');
    table.index(['level'], 'incidents_level_idx');
    table.index(['entity_ref'], 'incidents_entity_ref_idx');
    table.index(['owner'], 'incidents_owner_idx');
    // statistics over a window of detection times
    table.index(['detected_at'], 'incidents_detected_at_idx');
  });

  await knex.schema.createTable('incident_timeline', table => {
    table.comment(
      'What happened to an incident: moves, changes, notes, alerts, notifications',
    );
    table.bigIncrements('id').primary();
    table
      .uuid('incident_id')
      .notNullable()
      .references('id')
      .inTable('incidents')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true, precision: 3 }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('kind', 16).notNullable();
    table.json('data').notNullable().comment('the event without its kind');
    table.index(['incident_id', 'at'], 'incident_timeline_incident_idx');
  });

  await knex.schema.createTable('incident_notifications_sent', table => {
    table.comment(
      'Escalation notifications sent: each key once, across restarts and replicas',
    );
    table.string('key', 255).primary().notNullable();
    table
      .uuid('incident_id')
      .notNullable()
      .references('id')
      .inTable('incidents')
      .onDelete('CASCADE');
    table.timestamp('sent_at', { useTz: true, precision: 3 }).notNullable();
    table.index(['incident_id'], 'incident_notifications_sent_incident_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('incident_notifications_sent');
  await knex.schema.dropTable('incident_timeline');
  await knex.schema.dropTable('incidents');
};
