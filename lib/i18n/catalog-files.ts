import accreditationsEn from "./messages/accreditations/en.json" with { type: "json" };
import accreditationsEs from "./messages/accreditations/es.json" with { type: "json" };
import accreditationsPt from "./messages/accreditations/pt.json" with { type: "json" };
import auditEn from "./messages/audit/en.json" with { type: "json" };
import auditEs from "./messages/audit/es.json" with { type: "json" };
import auditPt from "./messages/audit/pt.json" with { type: "json" };
import applicantEn from "./messages/applicant/en.json" with { type: "json" };
import applicantEs from "./messages/applicant/es.json" with { type: "json" };
import applicantPt from "./messages/applicant/pt.json" with { type: "json" };
import coreEn from "./messages/core/en.json" with { type: "json" };
import coreEs from "./messages/core/es.json" with { type: "json" };
import corePt from "./messages/core/pt.json" with { type: "json" };
import delegatesEn from "./messages/delegates/en.json" with { type: "json" };
import delegatesEs from "./messages/delegates/es.json" with { type: "json" };
import delegatesPt from "./messages/delegates/pt.json" with { type: "json" };
import meetingsEn from "./messages/meetings/en.json" with { type: "json" };
import meetingsEs from "./messages/meetings/es.json" with { type: "json" };
import meetingsPt from "./messages/meetings/pt.json" with { type: "json" };
import reliabilityEn from "./messages/reliability/en.json" with { type: "json" };
import reliabilityEs from "./messages/reliability/es.json" with { type: "json" };
import reliabilityPt from "./messages/reliability/pt.json" with { type: "json" };
import privacyEn from "./messages/privacy/en.json" with { type: "json" };
import privacyEs from "./messages/privacy/es.json" with { type: "json" };
import privacyPt from "./messages/privacy/pt.json" with { type: "json" };
import registerEn from "./messages/register/en.json" with { type: "json" };
import registerEs from "./messages/register/es.json" with { type: "json" };
import registerPt from "./messages/register/pt.json" with { type: "json" };
import jobsEn from "./messages/jobs/en.json" with { type: "json" };
import jobsEs from "./messages/jobs/es.json" with { type: "json" };
import jobsPt from "./messages/jobs/pt.json" with { type: "json" };
import remindersEn from "./messages/reminders/en.json" with { type: "json" };
import remindersEs from "./messages/reminders/es.json" with { type: "json" };
import remindersPt from "./messages/reminders/pt.json" with { type: "json" };
import profileChangesEn from "./messages/profile-changes/en.json" with { type: "json" };
import profileChangesEs from "./messages/profile-changes/es.json" with { type: "json" };
import profileChangesPt from "./messages/profile-changes/pt.json" with { type: "json" };
import secretariatEn from "./messages/secretariat/en.json" with { type: "json" };
import secretariatEs from "./messages/secretariat/es.json" with { type: "json" };
import secretariatPt from "./messages/secretariat/pt.json" with { type: "json" };

import credentialsEn from "./messages/credentials/en.json" with { type: "json" };
import credentialsEs from "./messages/credentials/es.json" with { type: "json" };
import credentialsPt from "./messages/credentials/pt.json" with { type: "json" };
import checkInEn from "./messages/check-in/en.json" with { type: "json" };
import checkInEs from "./messages/check-in/es.json" with { type: "json" };
import checkInPt from "./messages/check-in/pt.json" with { type: "json" };
import scannerEn from "./messages/scanner/en.json" with { type: "json" };
import scannerEs from "./messages/scanner/es.json" with { type: "json" };
import scannerPt from "./messages/scanner/pt.json" with { type: "json" };
import consultationEn from "./messages/consultation/en.json" with { type: "json" };
import consultationEs from "./messages/consultation/es.json" with { type: "json" };
import consultationPt from "./messages/consultation/pt.json" with { type: "json" };

/**
 * Each area of the portal keeps its namespaces in its own files (messages/<area>/<locale>.json),
 * so work on one area never edits another's; a namespace lives in exactly one area.
 */
export const es = {
  ...coreEs,
  ...applicantEs,
  ...secretariatEs,
  ...registerEs,
  ...delegatesEs,
  ...accreditationsEs,
  ...meetingsEs,
  ...reliabilityEs,
  ...auditEs,
  ...jobsEs,
  ...privacyEs,
  ...remindersEs,
  ...profileChangesEs,
  ...credentialsEs,
  ...checkInEs,
  ...scannerEs,
  ...consultationEs,
};
export const pt = {
  ...corePt,
  ...applicantPt,
  ...secretariatPt,
  ...registerPt,
  ...delegatesPt,
  ...accreditationsPt,
  ...meetingsPt,
  ...reliabilityPt,
  ...auditPt,
  ...jobsPt,
  ...privacyPt,
  ...remindersPt,
  ...profileChangesPt,
  ...credentialsPt,
  ...checkInPt,
  ...scannerPt,
  ...consultationPt,
};
export const en = {
  ...coreEn,
  ...applicantEn,
  ...secretariatEn,
  ...registerEn,
  ...delegatesEn,
  ...accreditationsEn,
  ...meetingsEn,
  ...reliabilityEn,
  ...auditEn,
  ...jobsEn,
  ...privacyEn,
  ...remindersEn,
  ...profileChangesEn,
  ...credentialsEn,
  ...checkInEn,
  ...scannerEn,
  ...consultationEn,
};
