import "server-only";
import { randomBytes } from "node:crypto";
import { badgeToken, codeFromBytes, CODE_LENGTH } from "@/lib/credentials";
import { keyedHash, sameHash } from "./sign-in-secrets";

export const newCredentialCode = () => codeFromBytes(randomBytes(CODE_LENGTH));

/** 128 bits of the keyed hash: a badge cannot be made without the portal's secret. */
const signatureOf = (code: string) => keyedHash("badge", code).slice(0, 22);

/** What a badge's QR code holds for `code`. */
export const signedBadgeToken = (code: string) => badgeToken(code, signatureOf(code));

export const isGenuineSignature = (code: string, signature: string) => sameHash(signatureOf(code), signature);
