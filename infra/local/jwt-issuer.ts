import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from "jose";
import { systemClock } from "../../shared/adapters/system-clock";
import type { Clock } from "../../shared/ports/clock";
import type { DemoUser } from "./demo-users";

type Key = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

export const localAudience = "bizportal-local";

/**
 * Cognito's stand-in: signs ID tokens for the demo users and verifies them as the HTTP API's JWT
 * authorizer would (issuer, audience, expiry, signature). The key is kept in the data folder so
 * tokens survive a restart.
 *
 * One time source both signs (`iat`, `exp`) and verifies, so the two can never disagree. The local
 * stack gives it the real clock, not the movable one: a token's life is a sign-in session, not the
 * law's time, so a clock started in the past must not mint tokens that look issued long ago (or a real
 * clock verify them as expired), and a jump of weeks must not sign everyone out, just as Cognito's
 * tokens keep real time while the local clock plays a case.
 */
export class LocalJwtIssuer {
  private constructor(
    private readonly privateKey: Key,
    private readonly publicKey: Key,
    readonly issuer: string,
    private readonly clock: Clock,
  ) {}

  static async create(issuer: string, keyFile?: string, clock: Clock = systemClock): Promise<LocalJwtIssuer> {
    if (keyFile && existsSync(keyFile)) {
      const jwk = JSON.parse(await readFile(keyFile, "utf8")) as { private: JWK; public: JWK };
      return new LocalJwtIssuer(
        (await importJWK(jwk.private, "RS256")) as Key,
        (await importJWK(jwk.public, "RS256")) as Key,
        issuer,
        clock,
      );
    }
    const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
    if (keyFile) {
      await mkdir(dirname(keyFile), { recursive: true });
      const jwk = { private: await exportJWK(privateKey), public: await exportJWK(publicKey) };
      await writeFile(keyFile, JSON.stringify(jwk), { mode: 0o600 });
    }
    return new LocalJwtIssuer(privateKey, publicKey, issuer, clock);
  }

  async tokenFor(user: DemoUser, ttlSeconds = 3600): Promise<string> {
    const claims: JWTPayload = {
      email: user.email,
      name: user.name,
      "cognito:username": user.username,
      "cognito:groups": user.groups,
      token_use: "id",
    };
    if (user.agencyId) claims["custom:agencyId"] = user.agencyId;
    return this.sign(claims, { subject: user.sub, ttlSeconds });
  }

  /**
   * Signs any claims with the pool's key, with this issuer and audience. Beyond the demo users' ID
   * tokens, tests use it to forge what a real pool could also sign (an access token, a token without
   * an e-mail) and check the API refuses it; `ttlSeconds: null` leaves `exp` out.
   */
  async sign(claims: JWTPayload, options: { subject: string; ttlSeconds: number | null }): Promise<string> {
    const now = this.clock.now();
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "local" })
      .setSubject(options.subject)
      .setIssuer(this.issuer)
      .setAudience(localAudience)
      .setIssuedAt(now);
    if (options.ttlSeconds !== null)
      jwt.setExpirationTime(new Date(now.getTime() + options.ttlSeconds * 1000));
    return jwt.sign(this.privateKey);
  }

  /**
   * The claims if the token is valid, else undefined (the authorizer then answers 401). Like API
   * Gateway's JWT authorizer, the audience is `aud`, or `client_id` when there is no `aud` (which is
   * how a Cognito access token passes): telling token kinds apart is the API's job (actorFromClaims).
   */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        // A token without an expiry would be valid for ever: refused, whatever else it says.
        requiredClaims: ["exp"],
        currentDate: this.clock.now(),
      });
      const audience = payload.aud ?? payload.client_id;
      const audiences = Array.isArray(audience) ? audience : [audience];
      return audiences.includes(localAudience) ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}
