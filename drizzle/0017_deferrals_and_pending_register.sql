ALTER TYPE "public"."application_status" ADD VALUE 'deferred' BEFORE 'accredited_participant';--> statement-breakpoint
CREATE TABLE "application_deferrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_meeting_id" uuid,
	"to_meeting_id" uuid,
	"criteria" "eligibility_criterion"[] NOT NULL,
	"reason" text NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_deferrals" ADD CONSTRAINT "application_deferrals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_deferrals" ADD CONSTRAINT "application_deferrals_from_meeting_id_meetings_id_fk" FOREIGN KEY ("from_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_deferrals" ADD CONSTRAINT "application_deferrals_to_meeting_id_meetings_id_fk" FOREIGN KEY ("to_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_deferrals" ADD CONSTRAINT "application_deferrals_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_deferrals_application_idx" ON "application_deferrals" USING btree ("application_id","created_at");--> statement-breakpoint
-- The public list of pending applications shows those awaiting a decision after the recommendation, and their
-- deferrals. Statuses compared as text: 'deferred' and 'in_consultation' are added to their enum in the same
-- transaction as these triggers when a new database migrates from the start.
CREATE TRIGGER "applications_pending_register_revision" AFTER UPDATE OF "status", "meeting_id" ON "applications" FOR EACH ROW
  WHEN (OLD."status"::text IN ('in_consultation', 'recommended', 'deferred') OR NEW."status"::text IN ('in_consultation', 'recommended', 'deferred'))
  EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "applications_pending_added_register_revision" AFTER INSERT ON "applications" FOR EACH ROW
  WHEN (NEW."status"::text IN ('in_consultation', 'recommended', 'deferred'))
  EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "application_deferrals_register_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "application_deferrals"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();
