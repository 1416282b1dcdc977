CREATE TYPE "public"."consultation_answer" AS ENUM('no_objection', 'objection', 'question');--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'in_consultation' BEFORE 'recommended';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'state';--> statement-breakpoint
CREATE TABLE "consultation_answers" (
	"application_id" uuid NOT NULL,
	"country" text NOT NULL,
	"answer" "consultation_answer" NOT NULL,
	"criteria" "eligibility_criterion"[] DEFAULT '{}' NOT NULL,
	"reasons" text,
	"answered_by_id" text,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_answers_application_id_country_pk" PRIMARY KEY("application_id","country")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_early_by_id" text,
	"closed_early_reason" text
);
--> statement-breakpoint
DROP INDEX "applications_open_submitted_idx";--> statement-breakpoint
DROP INDEX "applications_open_reviewer_idx";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "consultation_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "state_country" text;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_application_id_consultations_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."consultations"("application_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_answers" ADD CONSTRAINT "consultation_answers_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_closed_early_by_id_users_id_fk" FOREIGN KEY ("closed_early_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_open_idx" ON "consultations" USING btree ("closes_at") WHERE "consultations"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "users_state_country_idx" ON "users" USING btree ("state_country") WHERE "users"."state_country" is not null;--> statement-breakpoint
CREATE INDEX "applications_open_submitted_idx" ON "applications" USING btree ("submitted_at","id") WHERE "applications"."status" not in ('draft', 'accredited_participant', 'accredited_observer', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "applications_open_reviewer_idx" ON "applications" USING btree ("assigned_reviewer_id","submitted_at","id") WHERE "applications"."status" not in ('draft', 'accredited_participant', 'accredited_observer', 'rejected', 'withdrawn');--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_state_country_role" CHECK (("users"."role"::text = 'state') = ("users"."state_country" is not null));