CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"arrived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by_id" text
);
--> statement-breakpoint
CREATE TABLE "delegate_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegate_id" uuid NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by_id" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "delegate_credentials_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "badge_credential_id" uuid;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_credentials" ADD CONSTRAINT "delegate_credentials_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegate_credentials" ADD CONSTRAINT "delegate_credentials_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_delegate_day_key" ON "attendance" USING btree ("delegate_id","day");--> statement-breakpoint
CREATE INDEX "attendance_meeting_day_idx" ON "attendance" USING btree ("meeting_id","day");--> statement-breakpoint
CREATE INDEX "attendance_organization_idx" ON "attendance" USING btree ("organization_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delegate_credentials_live_key" ON "delegate_credentials" USING btree ("delegate_id") WHERE "delegate_credentials"."revoked_at" is null;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_badge_credential_id_delegate_credentials_id_fk" FOREIGN KEY ("badge_credential_id") REFERENCES "public"."delegate_credentials"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- An organization page lists the meetings its delegation was recorded at: an arrival is a change the register shows.
CREATE TRIGGER "attendance_added_register_revision" AFTER INSERT ON "attendance" FOR EACH ROW
  EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "attendance_removed_register_revision" AFTER DELETE OR TRUNCATE ON "attendance"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();
