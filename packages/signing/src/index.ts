export {
  SIGNATURE_HEADER,
  DEFAULT_TOLERANCE_SECONDS,
  computeSignature,
  signPayload,
  parseSignatureHeader,
  verifySignature,
} from './signature.js';
export type { VerifyResult } from './signature.js';
