ALTER TYPE "public"."delegate_status" ADD VALUE 'withdrawn';--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "replaces_delegate_id" uuid;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "nominated_by_id" text;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "decided_by_id" text;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_replaces_delegate_id_delegates_id_fk" FOREIGN KEY ("replaces_delegate_id") REFERENCES "public"."delegates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_nominated_by_id_users_id_fk" FOREIGN KEY ("nominated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegates_meeting_status_idx" ON "delegates" USING btree ("meeting_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "delegates_meeting_email_key" ON "delegates" USING btree ("meeting_id",lower("email")) WHERE "delegates"."status" in ('nominated', 'confirmed');