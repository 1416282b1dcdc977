CREATE TABLE "sign_in_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"client_key" text NOT NULL,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"email" text NOT NULL,
	"locale" "locale" NOT NULL,
	"callback_path" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "redacted_text" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "sensitive_until" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_challenges_token_key" ON "sign_in_challenges" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sign_in_challenges_expires_idx" ON "sign_in_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "email_outbox_sensitive_idx" ON "email_outbox" USING btree ("sensitive_until") WHERE "email_outbox"."redacted_text" is not null;