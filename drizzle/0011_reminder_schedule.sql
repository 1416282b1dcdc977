ALTER TABLE "meetings" ADD COLUMN "draft_reminder_days" integer[] DEFAULT '{7,1}' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "info_request_reminder_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "nomination_reminder_days" integer[] DEFAULT '{5}' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "reviewer_reminder_days" integer DEFAULT 5 NOT NULL;