"use client";

import { useTranslations } from "next-intl";
import { useCameraQr, type CameraError } from "./use-camera-qr";

const secondaryButtonClass = "min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-brand-800 disabled:opacity-60";

const ERROR_KEYS = {
  unavailable: "errorUnavailable",
  denied: "errorDenied",
  notFound: "errorNotFound",
  failed: "errorFailed",
} as const satisfies Record<CameraError, string>;

/**
 * Reads a badge's QR code with the phone's camera (the rear one where there is one) and passes
 * its text to `onCode` once; the parent shows the result. Scanning again restarts the camera.
 * The page must allow the camera in its Permissions-Policy (`camera=(self)`).
 */
export function QrScanner({ onCode, disabled = false }: { onCode: (text: string) => void; disabled?: boolean }) {
  const t = useTranslations("CheckInScanner");
  const { videoRef, status, error, start, stop } = useCameraQr(onCode, disabled);
  const active = status !== "idle";

  let message = "";
  if (error) message = t(ERROR_KEYS[error]);
  else if (status === "starting") message = t("starting");
  else if (status === "running") message = t("pointAtCode");

  return (
    <div className="space-y-3">
      {/* One button whose label changes, so keyboard focus stays on it when the camera starts or stops. */}
      <button type="button" onClick={active ? stop : start} disabled={disabled} className={secondaryButtonClass}>
        {active ? t("stop") : t("scan")}
      </button>
      <video
        ref={videoRef}
        hidden={status !== "running"}
        playsInline
        muted
        autoPlay
        aria-label={t("cameraView")}
        className="h-auto w-full max-w-md rounded-md bg-slate-900"
      />
      <p role="status" aria-live="polite" className={error ? "text-red-800" : "text-slate-700"}>
        {message}
      </p>
    </div>
  );
}
