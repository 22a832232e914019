import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";

export const SIGNING_KEY_ENV = "LLMCFG_SIGNING_KEY";
export const PUBLIC_KEY_PATH = "keys/release-signing.pub.pem";

/** A detached Ed25519 signer from a PKCS#8 PEM private key (the CI secret). */
export function signerFromPem(pem: string): (data: string) => string {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${SIGNING_KEY_ENV} holds a ${key.asymmetricKeyType} key; an Ed25519 key is required`);
  return (data) => sign(null, Buffer.from(data, "utf8"), key).toString("base64");
}

export function verifySignature(publicPem: string, data: string, signatureBase64: string): boolean {
  return verify(null, Buffer.from(data, "utf8"), createPublicKey(publicPem), Buffer.from(signatureBase64.trim(), "base64"));
}

export function generateSigningKeys(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}
