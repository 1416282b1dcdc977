"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type CameraStatus = "idle" | "starting" | "running";
export type CameraError = "unavailable" | "denied" | "notFound" | "failed";

/** How often a frame is decoded, and the longest side of the decoded frame (larger frames decode slowly on phones). */
const SCAN_INTERVAL_MS = 200;
const MAX_FRAME_SIDE = 640;

function cameraError(error: unknown): CameraError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "PermissionDeniedError") return "denied";
  if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return "notFound";
  if (name === "SecurityError") return "unavailable";
  return "failed";
}

/**
 * Reads a QR code with the device's camera: `start` asks for the (rear) camera, shows it in
 * `videoRef` and decodes a downscaled frame every 200 ms with jsQR, loaded only then. The first
 * code found stops the camera and is passed to `onCode`, once. The camera is released on `stop`,
 * on unmount and whenever `disabled` is true.
 */
export function useCameraQr(onCode: (text: string) => void, disabled = false) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<CameraStatus>("idle");
  const [error, setError] = useState<CameraError | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | undefined>(undefined);
  /** Bumped on every start and stop, so that a start still waiting for the camera knows it was cancelled. */
  const session = useRef(0);
  const latestOnCode = useRef(onCode);

  useEffect(() => {
    latestOnCode.current = onCode;
  });

  /** Releases the camera and the timer; no state changes, so it is safe on unmount. */
  const release = useCallback(() => {
    session.current += 1;
    window.clearTimeout(timer.current);
    timer.current = undefined;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    const video = videoRef.current;
    if (video) {
      video.pause();
      video.srcObject = null;
    }
  }, []);

  const stop = useCallback(() => {
    release();
    setStatus("idle");
  }, [release]);

  const start = useCallback(async () => {
    release();
    setError(null);
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setStatus("idle");
      setError("unavailable");
      return;
    }
    const current = session.current;
    setStatus("starting");
    // Loaded in parallel with the permission prompt; a failure is reported below, not as an unhandled rejection.
    const decoder = import("jsqr").then((module) => module.default).catch(() => null);
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
    } catch (reason) {
      if (current !== session.current) return;
      setStatus("idle");
      setError(cameraError(reason));
      return;
    }
    if (current !== session.current) {
      media.getTracks().forEach((track) => track.stop());
      return;
    }
    stream.current = media;
    const jsQR = await decoder;
    if (current !== session.current) return;
    const video = videoRef.current;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!jsQR || !video || !context) {
      release();
      setStatus("idle");
      setError("failed");
      return;
    }
    video.srcObject = media;
    video.play().catch(() => undefined);
    setStatus("running");

    const scan = () => {
      if (current !== session.current) return;
      if (media.getVideoTracks().every((track) => track.readyState === "ended")) {
        release();
        setStatus("idle");
        setError("failed");
        return;
      }
      const { videoWidth, videoHeight } = video;
      if (video.readyState >= video.HAVE_CURRENT_DATA && videoWidth > 0 && videoHeight > 0) {
        const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(videoWidth, videoHeight));
        const width = Math.round(videoWidth * scale);
        const height = Math.round(videoHeight * scale);
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
        }
        context.drawImage(video, 0, 0, width, height);
        const code = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: "dontInvert" });
        if (code?.data) {
          stop();
          latestOnCode.current(code.data);
          return;
        }
      }
      timer.current = window.setTimeout(scan, SCAN_INTERVAL_MS);
    };
    timer.current = window.setTimeout(scan, SCAN_INTERVAL_MS);
  }, [release, stop]);

  // Stopping when disabled: the state is adjusted while rendering, the camera is released in the effect.
  const [wasDisabled, setWasDisabled] = useState(disabled);
  if (disabled !== wasDisabled) {
    setWasDisabled(disabled);
    if (disabled) setStatus("idle");
  }
  useEffect(() => {
    if (disabled) release();
  }, [disabled, release]);

  useEffect(() => release, [release]);

  return { videoRef, status, error, start, stop };
}
