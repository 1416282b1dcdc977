-- The register's revision (docs/register-cache.md): raised in the same transaction as every change
-- the public register shows, whichever code (or hand-written SQL) makes it, so it becomes visible
-- together with the data and never before it.
INSERT INTO "register_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Once per transaction (a bulk write would otherwise update the one row once per row it touches):
-- the new value shows at commit, together with everything the transaction changed.
CREATE FUNCTION "raise_register_revision"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('csm.register_revision_raised_in', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('csm.register_revision_raised_in', txid_current()::text, true);
    UPDATE "register_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  END IF;
END
$$;--> statement-breakpoint
CREATE FUNCTION "bump_register_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "raise_register_revision"();
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An organization's public columns matter when it is (or was) accredited or named in a coalition link.
CREATE FUNCTION "bump_register_revision_for_organization"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "accreditations" WHERE "organization_id" = NEW."id")
     OR EXISTS (SELECT 1 FROM "coalition_members" WHERE "coalition_id" = NEW."id" OR "member_organization_id" = NEW."id") THEN
    PERFORM "raise_register_revision"();
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "accreditations_register_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "accreditations"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "accreditation_history_register_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "accreditation_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "coalition_members_register_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "coalition_members"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "meetings_register_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "meetings"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "organizations_register_revision" AFTER UPDATE ON "organizations" FOR EACH ROW
  WHEN ((OLD."slug", OLD."legal_name", OLD."acronym", OLD."type", OLD."country", OLD."city", OLD."website", OLD."themes",
         OLD."countries_of_work", OLD."is_coalition", OLD."founded_year", OLD."populations_served", OLD."description", OLD."search_key")
        IS DISTINCT FROM
        (NEW."slug", NEW."legal_name", NEW."acronym", NEW."type", NEW."country", NEW."city", NEW."website", NEW."themes",
         NEW."countries_of_work", NEW."is_coalition", NEW."founded_year", NEW."populations_served", NEW."description", NEW."search_key"))
  EXECUTE FUNCTION "bump_register_revision_for_organization"();--> statement-breakpoint
CREATE TRIGGER "organizations_removed_register_revision" AFTER DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
-- An organization page lists the meetings it was accredited to or sent confirmed delegates to.
CREATE TRIGGER "applications_register_revision" AFTER UPDATE OF "status", "meeting_id" ON "applications" FOR EACH ROW
  WHEN (OLD."status" IN ('accredited_participant', 'accredited_observer') OR NEW."status" IN ('accredited_participant', 'accredited_observer'))
  EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "applications_added_register_revision" AFTER INSERT ON "applications" FOR EACH ROW
  WHEN (NEW."status" IN ('accredited_participant', 'accredited_observer'))
  EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "applications_removed_register_revision" AFTER DELETE OR TRUNCATE ON "applications"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "delegates_register_revision" AFTER UPDATE OF "status", "meeting_id", "organization_id" ON "delegates" FOR EACH ROW
  WHEN (OLD."status" = 'confirmed' OR NEW."status" = 'confirmed')
  EXECUTE FUNCTION "bump_register_revision"();--> statement-breakpoint
CREATE TRIGGER "delegates_added_register_revision" AFTER INSERT OR DELETE OR TRUNCATE ON "delegates"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_register_revision"();
