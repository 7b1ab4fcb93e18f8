import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Event appends without a global lock (docs/architecture.md, "Transactions and events"), and the
 * retention floor of the log (docs/events.md, "Retention").
 *
 * - `plaza_event_ticket()`, a BEFORE INSERT statement trigger on platform_events: the first time
 *   a transaction inserts events it reads the id sequence's last value (its "ticket": every id it
 *   will take is above it) and holds a SHARED transaction-level advisory lock keyed by it until it
 *   ends. Shared locks never wait on one another, so writers do not queue.
 * - `plaza_events_safe_id()`: the highest id below which every event is final (committed or
 *   rolled back): the sequence's last value read first, then the lowest ticket still held
 *   (pg_locks). Readers read only up to it, so a cursor never passes a late commit.
 * Ticket keys are (0x2E7E71 << 40) + ticket: the namespace sits in the high bits, so 2^40 ids fit.
 */
export class EventLogWatermark1796200000000 implements MigrationInterface {
    name = 'EventLogWatermark1796200000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "platform_event_floor" ("id" smallint NOT NULL, "floor_id" bigint NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_platform_event_floor_singleton" CHECK ("id" = 1), CONSTRAINT "pk_platform_event_floor" PRIMARY KEY ("id"))`);
        await queryRunner.query(`INSERT INTO "platform_event_floor" ("id", "floor_id") VALUES (1, 0)`);
        await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_event" ON "webhook_deliveries" ("event_id") `);
        await queryRunner.query(`
            CREATE FUNCTION plaza_event_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE ticket bigint;
            BEGIN
              IF current_setting('plaza.event_ticket', true) IS NULL OR current_setting('plaza.event_ticket', true) = '' THEN
                ticket := coalesce(pg_sequence_last_value('platform_events_id_seq'::regclass), 0);
                IF ticket >= (1::bigint << 40) THEN
                  RAISE EXCEPTION 'platform_events ids passed 2^40: widen the ticket key (plaza_event_ticket)';
                END IF;
                PERFORM pg_advisory_xact_lock_shared((x'2E7E71'::bigint << 40) + ticket);
                PERFORM set_config('plaza.event_ticket', ticket::text, true);
              END IF;
              RETURN NULL;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER platform_events_ticket BEFORE INSERT ON platform_events FOR EACH STATEMENT EXECUTE FUNCTION plaza_event_ticket()`);
        await queryRunner.query(`
            CREATE FUNCTION plaza_events_safe_id() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
            DECLARE head bigint; low bigint;
            BEGIN
              -- The order matters: the head first, then the tickets. A writer whose id is at or
              -- below the head took its ticket before that id, so before this read of pg_locks,
              -- and releases it only after its commit is visible.
              head := coalesce(pg_sequence_last_value('platform_events_id_seq'::regclass), 0);
              SELECT min(((l.classid::bigint & 255) << 32) | l.objid::bigint) INTO low
                FROM pg_locks l
               WHERE l.locktype = 'advisory' AND l.objsubid = 1
                 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                 AND (l.classid::bigint >> 8) = x'2E7E71'::bigint;
              RETURN least(head, low);
            END $$`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION plaza_events_safe_id()`);
        await queryRunner.query(`DROP TRIGGER platform_events_ticket ON platform_events`);
        await queryRunner.query(`DROP FUNCTION plaza_event_ticket()`);
        await queryRunner.query(`DROP INDEX "public"."ix_webhook_deliveries_event"`);
        await queryRunner.query(`DROP TABLE "platform_event_floor"`);
    }

}
