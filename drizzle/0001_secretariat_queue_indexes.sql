CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_updated_idx" ON "applications" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "organizations_themes_idx" ON "organizations" USING gin ("themes");