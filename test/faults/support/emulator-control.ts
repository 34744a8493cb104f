/** The emulator's control API (`/_emulator`), as the suite drives the stores and the faults. */
export interface EmulatorControl {
  readonly url: string;
  storeAction(action: string, body: object): Promise<unknown>;
  purchase(appUserId: string, productId: string): Promise<unknown>;
  setFaults(body: object): Promise<void>;
  clearFaults(): Promise<void>;
  failUser(appUserId: string, body?: object): Promise<void>;
  clearUser(appUserId: string): Promise<void>;
  /** Every promotional grant the emulator ever recorded for the user, and the active ones. */
  grants(appUserId: string): Promise<{ grants: unknown[]; active: unknown[] }>;
  customer(appUserId: string): Promise<CustomerView | undefined>;
  deliveries(query?: Record<string, string>): Promise<Array<{ eventType: string; appUserId?: string }>>;
  configureWebhooks(body: object): Promise<void>;
}

/** `GET /_emulator/customers/{id}`: `subscriber` is the v1 body, `{request_date, subscriber: {…}}`. */
export interface CustomerView {
  subscriber: {
    subscriber: { subscriptions: Record<string, { expires_date: string | null; store: string }> };
  };
}

export function emulatorControl(url: string): EmulatorControl {
  async function send(method: string, path: string, body?: object) {
    const response = await fetch(`${url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /_emulator${path}: ${response.status} ${text}`);
    return JSON.parse(text) as unknown;
  }
  const user = (id: string) => encodeURIComponent(id);
  return {
    url,
    storeAction: (action, body) => send('POST', `/store/${action}`, body),
    purchase: (appUserId, productId) =>
      send('POST', '/store/purchase', { app_user_id: appUserId, product_id: productId }),
    setFaults: async (body) => void (await send('PUT', '/faults', body)),
    clearFaults: async () => void (await send('DELETE', '/faults')),
    failUser: async (appUserId, body = { status: 500 }) =>
      void (await send('PUT', `/faults/users/${user(appUserId)}`, body)),
    clearUser: async (appUserId) => void (await send('DELETE', `/faults/users/${user(appUserId)}`)),
    grants: (appUserId) =>
      send('GET', `/customers/${user(appUserId)}/grants`).catch((error: Error) => {
        if (/: 404 /.test(error.message)) return { grants: [], active: [] };
        throw error;
      }) as Promise<{ grants: unknown[]; active: unknown[] }>,
    customer: (appUserId) =>
      send('GET', `/customers/${user(appUserId)}`).catch((error: Error) => {
        if (/: 404 /.test(error.message)) return undefined;
        throw error;
      }) as Promise<CustomerView | undefined>,
    deliveries: async (query = {}) =>
      ((await send('GET', `/webhooks?${new URLSearchParams(query)}`)) as { deliveries: [] }).deliveries,
    configureWebhooks: async (body) => void (await send('PUT', '/webhooks/config', body)),
  };
}
