ALTER TABLE "audit_log" ADD COLUMN "actor_name" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "target_name" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "organization_name" text;--> statement-breakpoint
-- Backfill: the names the existing entries refer to, as they are now.
UPDATE "audit_log" SET "actor_name" = coalesce(nullif(u."name", ''), u."email") FROM "users" u WHERE u."id" = "audit_log"."actor_id";--> statement-breakpoint
UPDATE "audit_log" SET "target_name" = coalesce(nullif(u."name", ''), u."email") FROM "users" u WHERE "audit_log"."target_type" = 'user' AND u."id" = "audit_log"."target_id";--> statement-breakpoint
UPDATE "audit_log" SET "target_name" = o."legal_name", "organization_name" = o."legal_name" FROM "organizations" o WHERE "audit_log"."target_type" = 'organization' AND o."id"::text = "audit_log"."target_id";--> statement-breakpoint
UPDATE "audit_log" SET "target_name" = o."legal_name", "organization_name" = o."legal_name" FROM "applications" a JOIN "organizations" o ON o."id" = a."organization_id" WHERE "audit_log"."target_type" = 'application' AND a."id"::text = "audit_log"."target_id";--> statement-breakpoint
UPDATE "audit_log" SET "target_name" = d."name", "organization_name" = o."legal_name" FROM "delegates" d JOIN "organizations" o ON o."id" = d."organization_id" WHERE "audit_log"."target_type" = 'delegate' AND d."id"::text = "audit_log"."target_id";--> statement-breakpoint
UPDATE "audit_log" SET "target_name" = m."number" FROM "meetings" m WHERE "audit_log"."target_type" = 'meeting' AND m."id"::text = "audit_log"."target_id";
