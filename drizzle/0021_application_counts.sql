CREATE TABLE "application_counts" (
	"status" "application_status" NOT NULL,
	"reviewer_id" text DEFAULT '' NOT NULL,
	"total" integer NOT NULL,
	CONSTRAINT "application_counts_status_reviewer_id_pk" PRIMARY KEY("status","reviewer_id")
);
--> statement-breakpoint
CREATE FUNCTION "application_counts_change"(changed_status "application_status", reviewer text, delta integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "application_counts" AS counts ("status", "reviewer_id", "total") VALUES (changed_status, coalesce(reviewer, ''), delta)
  ON CONFLICT ("status", "reviewer_id") DO UPDATE SET "total" = counts."total" + excluded."total"
$$;
--> statement-breakpoint
CREATE FUNCTION "application_counts_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "application_counts_change"(NEW."status", NEW."assigned_reviewer_id", 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "application_counts_change"(OLD."status", OLD."assigned_reviewer_id", -1);
  -- The two rows in one order whatever the change, so that two transactions never wait on each other in a cycle.
  ELSIF (OLD."status"::text, coalesce(OLD."assigned_reviewer_id", '')) < (NEW."status"::text, coalesce(NEW."assigned_reviewer_id", '')) THEN
    PERFORM "application_counts_change"(OLD."status", OLD."assigned_reviewer_id", -1);
    PERFORM "application_counts_change"(NEW."status", NEW."assigned_reviewer_id", 1);
  ELSE
    PERFORM "application_counts_change"(NEW."status", NEW."assigned_reviewer_id", 1);
    PERFORM "application_counts_change"(OLD."status", OLD."assigned_reviewer_id", -1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "application_counts_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "application_counts";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "application_counts_on_insert_or_delete" AFTER INSERT OR DELETE ON "applications" FOR EACH ROW EXECUTE FUNCTION "application_counts_track"();
--> statement-breakpoint
CREATE TRIGGER "application_counts_on_update" AFTER UPDATE OF "status", "assigned_reviewer_id" ON "applications" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."assigned_reviewer_id" IS DISTINCT FROM NEW."assigned_reviewer_id")
  EXECUTE FUNCTION "application_counts_track"();
--> statement-breakpoint
CREATE TRIGGER "application_counts_on_truncate" AFTER TRUNCATE ON "applications" FOR EACH STATEMENT EXECUTE FUNCTION "application_counts_clear"();
--> statement-breakpoint
INSERT INTO "application_counts" ("status", "reviewer_id", "total")
  SELECT "status", coalesce("assigned_reviewer_id", ''), count(*)::integer FROM "applications" GROUP BY 1, 2;
