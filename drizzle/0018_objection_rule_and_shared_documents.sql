ALTER TABLE "consultations" ADD COLUMN "objection_threshold" integer;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "plenary_reference" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "shared_with_states" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "objection_threshold" integer;