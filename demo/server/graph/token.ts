// Access-token check for the Graph stand-in against the local identity provider's keys.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import type { AccessTokenVerifier } from './app.js';

export interface JwksVerifierOptions {
  /** The key set inline (tests, or fetched once from the provider). */
  jwks?: JSONWebKeySet;
  /** The provider's JWKS address (fetched and cached by jose; HTTPS with a public CA or HTTP). */
  jwksUrl?: string | URL;
  /** Any jose key resolver (takes precedence). */
  getKey?: JWTVerifyGetKey;
  /** Required `aud` (default https://graph.microsoft.com, the resource the local provider issues for). */
  audience?: string | string[];
  /** Required `iss` (default: not checked). */
  issuer?: string | string[];
  clockToleranceSeconds?: number;
}

/**
 * An `AccessTokenVerifier` that accepts only JWTs signed by the given key set, for the
 * Graph audience, unexpired. Returns the claims, so the stand-in can check `scp`/`roles`
 * for User.Read.All (403 without it).
 */
export function jwksAccessTokenVerifier(options: JwksVerifierOptions): AccessTokenVerifier {
  const key: JWTVerifyGetKey | undefined =
    options.getKey ??
    (options.jwks
      ? createLocalJWKSet(options.jwks)
      : options.jwksUrl
        ? createRemoteJWKSet(new URL(options.jwksUrl))
        : undefined);
  if (!key) throw new Error('jwksAccessTokenVerifier needs jwks, jwksUrl or getKey');
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        audience: options.audience ?? 'https://graph.microsoft.com',
        ...(options.issuer ? { issuer: options.issuer } : {}),
        clockTolerance: options.clockToleranceSeconds ?? 60,
      });
      return payload as Record<string, unknown>;
    } catch {
      return false;
    }
  };
}
