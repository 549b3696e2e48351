import { createHash } from "node:crypto";

/** A small HTTP client for tests that drive the API as a user would, over real HTTP. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  static async signIn(baseUrl: string, username: string): Promise<ApiClient> {
    const res = await fetch(`${baseUrl}/local/token`, { method: "POST", body: JSON.stringify({ username }) });
    if (!res.ok) throw new Error(`No token for ${username}: ${res.status}`);
    const { id_token } = (await res.json()) as { id_token: string };
    return new ApiClient(baseUrl, id_token);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: T; contentType: string }> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      contentType: res.headers.get("content-type") ?? "",
    };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body ?? {});
  }

  /** Uploads a document the way a browser does: presign, form POST to storage, then attach. */
  async uploadDocument(
    applicationId: string,
    documentKey: string,
    bytes: Buffer,
    contentType = "application/pdf",
  ) {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const fileName = `${documentKey}.pdf`;
    const presigned = await this.presignDocument(applicationId, {
      documentKey,
      fileName,
      contentType,
      size: bytes.length,
      sha256,
    });
    if (presigned.status !== 201)
      return presigned as unknown as { status: number; body: Record<string, unknown> };
    const posted = await postToUploadLink(presigned.body.upload, bytes, contentType, fileName);
    if (posted.status >= 300) throw new Error(`Upload failed: ${posted.status} ${posted.text}`);
    return this.request("PUT", `/applications/${applicationId}/documents/${documentKey}`, {
      sha256,
      fileName,
      uploadId: presigned.body.uploadId,
    });
  }

  /** Step 1 of an upload: declare the file (key, name, type, size, digest) and get an upload link. */
  presignDocument(
    applicationId: string,
    declared: { documentKey: string; fileName: string; contentType: string; size: number; sha256: string },
  ) {
    return this.post<PresignAnswer>(`/applications/${applicationId}/documents`, declared);
  }

  /** Waits until the application's workflow waits at `step` (the workflow records it asynchronously). */
  async waitForStep(applicationId: string, step: string, timeoutMs = 10_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.get<{ waitingFor: { step: string }[]; status: string }>(
        `/applications/${applicationId}`,
      );
      if (res.body.waitingFor?.some((w) => w.step === step)) return res.body;
      if (Date.now() > until) throw new Error(`Not waiting at ${step}: ${JSON.stringify(res.body)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** What `POST /applications/{id}/documents` answers. */
export interface PresignAnswer {
  documentKey: string;
  uploadId: string;
  objectKey: string;
  upload: { url: string; fields: Record<string, string> };
}

/**
 * Step 2 of an upload: the multipart form POST a browser sends to the storage link (the link's
 * fields, then the file last, as S3 requires). Storage answers 204 when it took the bytes.
 */
export async function postToUploadLink(
  upload: { url: string; fields: Record<string, string> },
  bytes: Buffer,
  contentType = "application/pdf",
  fileName = "document.pdf",
): Promise<{ status: number; text: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append("file", new Blob([bytes], { type: contentType }), fileName);
  const res = await fetch(upload.url, { method: "POST", body: form });
  return { status: res.status, text: await res.text() };
}

/**
 * A small but real PDF, different for each seed, so every upload has its own digest: it starts with
 * the `%PDF-1.4` signature, which is what the API's type check (magic bytes) looks for.
 */
export function samplePdf(seed: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${seed}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, "utf8");
}

export const foodLicenseTypeId = "food-premises-over-200sqm-klong-dan";

export const completeFoodForm = {
  businessName: "บริษัท ครัวคลองด่าน จำกัด",
  operatorType: "juristicPerson",
  premisesAddress: "99 หมู่ 3 ถนนสุขุมวิท ตำบลคลองด่าน อำเภอบางบ่อ จังหวัดสมุทรปราการ 10550",
  premisesAreaSqm: 350,
  kind: "foodSale",
  foodHandlers: 12,
};
