CREATE TABLE "consultation_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"country" text NOT NULL,
	"question" text NOT NULL,
	"forwarded_by_id" text,
	"forwarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply" text,
	"replied_by_id" text,
	"replied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consultation_questions" ADD CONSTRAINT "consultation_questions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_questions" ADD CONSTRAINT "consultation_questions_forwarded_by_id_users_id_fk" FOREIGN KEY ("forwarded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_questions" ADD CONSTRAINT "consultation_questions_replied_by_id_users_id_fk" FOREIGN KEY ("replied_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_questions_state_key" ON "consultation_questions" USING btree ("application_id","country");