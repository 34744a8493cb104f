import { expect } from 'chai';
import { entitlementIdFor, type Emulator, type EmulatorOptions } from '../../src';
import { OpenApiValidator, readOpenApi, relaxDocumentedNulls } from '../support/openapi-validator';
import { AUTH, DAY, startTestEmulator, store, T0 } from '../support/harness';

const v1Doc = readOpenApi('openapi-v1.yaml');
const v2Doc = readOpenApi('openapi-v2.yaml');
const PRO = entitlementIdFor('pro');

/** Sends a request, then checks the request (when accepted) and the response against the operation. */
function checker(emulator: Emulator, validators: { v1: OpenApiValidator; v2: OpenApiValidator }) {
  const problems: string[] = [];
  let exchanges = 0;
  const send = async (
    api: 'v1' | 'v2',
    method: string,
    template: string,
    params: Record<string, string>,
    body?: unknown,
    headers = AUTH,
  ) => {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
    const response = await fetch(`${emulator.url}/${api}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.json();
    const validator = validators[api];
    const where = `${method} /${api}${path} → ${response.status}`;
    let found = validator.response(method, template, response.status, json, response.headers);
    // v1 documents few error statuses per operation; an undocumented one must still be the documented Error.
    if (api === 'v1' && response.status >= 400 && found.some((p) => p.includes('is not documented')))
      found = validator.schema('Error', json);
    if (response.status < 300) found.push(...validator.request(method, template, body));
    problems.push(...found.map((p) => `${where}: ${p}`));
    exchanges += 1;
    return { status: response.status, body: json };
  };
  return { send, problems, count: () => exchanges };
}

/** Drives every endpoint through many customer states: store purchases in each lifecycle state, grants, errors. */
async function exercise(emulator: Emulator, send: ReturnType<typeof checker>['send']) {
  const sub = '/subscribers/{app_user_id}';
  const promo = `${sub}/entitlements/{entitlement_identifier}/promotional`;
  const revoke = `${sub}/entitlements/{entitlement_identifier}/revoke_promotionals`;
  const actions: [string, unknown][] = [
    ['purchase', { app_user_id: 'owner', product_id: 'team_pro_monthly' }],
    [
      'purchase',
      { app_user_id: 'play', product_id: 'team_pro_monthly', store: 'PLAY_STORE', period_type: 'TRIAL' },
    ],
    ['purchase', { app_user_id: 'stripe', product_id: 'pro_monthly', store: 'STRIPE', period_type: 'INTRO' }],
    ['purchase', { app_user_id: 'once', product_id: 'lifetime_pro' }],
    ['family_share', { app_user_id: 'owner', product_id: 'team_pro_monthly', member_app_user_id: 'kid' }],
    ['cancel', { app_user_id: 'owner', product_id: 'team_pro_monthly' }],
    ['billing_issue', { app_user_id: 'play', product_id: 'team_pro_monthly', grace_period_ms: 3 * DAY }],
    ['purchase', { app_user_id: 'paused', product_id: 'pro_monthly', store: 'PLAY_STORE' }],
    ['pause', { app_user_id: 'paused', product_id: 'pro_monthly' }],
    ['purchase', { app_user_id: 'refunded', product_id: 'pro_monthly' }],
    ['refund', { app_user_id: 'refunded', product_id: 'pro_monthly' }],
    ['purchase', { app_user_id: 'changer', product_id: 'team_pro_monthly' }],
    [
      'product_change',
      { app_user_id: 'changer', product_id: 'team_pro_monthly', new_product_id: 'team_pro_yearly' },
    ],
  ];
  for (const [action, body] of actions)
    expect((await store(emulator, action, body)).status, action).to.equal(201);
  const users = [
    'owner',
    'play',
    'stripe',
    'once',
    'kid',
    'paused',
    'refunded',
    'changer',
    'member',
    'new-user/ä',
  ];
  await send(
    'v1',
    'POST',
    promo,
    { app_user_id: 'member', entitlement_identifier: 'pro' },
    { end_time_ms: T0 + 9 * DAY },
  );
  await send(
    'v1',
    'POST',
    promo,
    { app_user_id: 'member', entitlement_identifier: 'team_admin' },
    { duration: 'lifetime' },
  );
  await send(
    'v1',
    'POST',
    promo,
    { app_user_id: 'owner', entitlement_identifier: 'pro' },
    { duration: 'weekly', start_time_ms: T0 },
  );
  for (const user of users) await send('v1', 'GET', sub, { app_user_id: user });
  emulator.advance(40 * DAY);
  await send('v1', 'POST', revoke, { app_user_id: 'owner', entitlement_identifier: 'pro' });
  for (const user of users) await send('v1', 'GET', sub, { app_user_id: user });
  await send('v1', 'GET', sub, { app_user_id: 'x' }, undefined, { authorization: 'Bearer wrong' });
  await send(
    'v1',
    'POST',
    promo,
    { app_user_id: 'x', entitlement_identifier: 'pro' },
    { duration: 'forever' },
  );

  const project = { project_id: 'projemulator', customer_id: 'member' };
  const customer = '/projects/{project_id}/customers/{customer_id}';
  await send('v2', 'GET', '/projects/{project_id}/entitlements', project);
  await send('v2', 'POST', `${customer}/actions/grant_entitlement`, project, {
    entitlement_id: PRO,
    expires_at: T0 + 60 * DAY,
  });
  await send('v2', 'GET', customer, project);
  await send('v2', 'POST', `${customer}/actions/revoke_granted_entitlement`, project, {
    entitlement_id: PRO,
  });
  for (const user of users) await send('v2', 'GET', customer, { ...project, customer_id: user });
  await send('v2', 'POST', `${customer}/actions/grant_entitlement`, project, {
    entitlement_id: 'pro',
    expires_at: T0 + 90 * DAY,
  });
  await send('v2', 'POST', `${customer}/actions/grant_entitlement`, project, { entitlement_id: PRO });
  await send('v2', 'POST', `${customer}/actions/grant_entitlement`, project, {
    entitlement_id: PRO,
    expires_at: 1,
  });
  await send(
    'v2',
    'POST',
    `${customer}/actions/revoke_granted_entitlement`,
    { ...project, customer_id: 'ghost' },
    { entitlement_id: PRO },
  );
  await send('v2', 'GET', customer, { ...project, project_id: 'elsewhere' });
  await send('v2', 'GET', customer, project, undefined, { authorization: 'Bearer wrong' });
  await emulator.faults.set({ forced429: 1 });
  await send('v2', 'GET', customer, project);
  emulator.faults.set({ errorRate: 1, errorStatus: 503 });
  await send('v2', 'GET', customer, project);
  emulator.faults.clear();
}

const catalog: EmulatorOptions['catalog'] = {
  products: [
    {
      productId: 'team_pro_monthly',
      playProductId: 'team_pro:monthly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 3,
      grantMode: 'period',
      shrinkPolicy: 'block',
      periodDays: 30,
    },
    {
      productId: 'team_pro_yearly',
      managementEntitlement: 'team_admin',
      memberEntitlements: ['pro'],
      seats: 10,
      grantMode: 'period',
      shrinkPolicy: 'block',
      periodDays: 365,
    },
  ],
  storeProducts: [
    { productId: 'pro_monthly', entitlements: ['pro'], type: 'subscription', periodDays: 30 },
    { productId: 'lifetime_pro', entitlements: ['pro'], type: 'non_renewing' },
  ],
};

describe('revenuecat-emulator against the OpenAPI documents', () => {
  let emulator: Emulator | undefined;
  afterEach(() => emulator?.stop());

  it("when RevenueCat's own v1 example is checked, then its nulls break the published schema but not the relaxed one", () => {
    const example = (v1Doc.components as Record<string, Record<string, { value: unknown }>>).examples!
      .Subscriber!.value;
    const strict = new OpenApiValidator(v1Doc, 'v1exstrict').schema('Subscriber', example);
    expect(strict).to.include('/subscriber/subscriptions/annual/auto_resume_date must be string');
    // What remains is the example's one other slip: an App Store transaction id written as a YAML number.
    expect(
      new OpenApiValidator(relaxDocumentedNulls(v1Doc), 'v1ex').schema('Subscriber', example),
    ).to.deep.equal(['/subscriber/subscriptions/onemonth/store_transaction_id must be string']);
  });

  it('when a body breaks the schema, then the validator reports it (the check can fail)', () => {
    const validator = new OpenApiValidator(v1Doc, 'v1neg');
    const bad = { request_date_ms: 'soon', subscriber: { entitlements: { pro: { expires_date: 5 } } } };
    expect(validator.schema('Subscriber', bad).join('\n')).to.match(/request_date_ms[\s\S]*expires_date/);
    const v2 = new OpenApiValidator(v2Doc, 'v2neg');
    const path = '/projects/{project_id}/customers/{customer_id}/actions/grant_entitlement';
    expect(v2.request('POST', path, { entitlement_id: 'x', expires_at: 1, extra: 1 })).to.have.length(1);
    expect(v2.response('POST', path, 201, { object: 'customer' }, new Headers())).to.not.deep.equal([]);
  });

  it('when every endpoint is used in every state, then requests and responses match the documents (nulls as RevenueCat sends them)', async () => {
    emulator = await startTestEmulator({ catalog });
    const check = checker(emulator, {
      v1: new OpenApiValidator(relaxDocumentedNulls(v1Doc), 'v1relaxed'),
      v2: new OpenApiValidator(v2Doc, 'v2'),
    });
    await exercise(emulator, check.send);
    expect(check.count()).to.be.above(45);
    expect(check.problems).to.deep.equal([]);
  });

  it('when lifetime grants read far-future and unknown customers get 404, then responses still match the documents', async () => {
    emulator = await startTestEmulator({
      catalog,
      lifetimeExpiry: 'far-future',
      unknownCustomerGrants: 'not-found',
    });
    const check = checker(emulator, {
      v1: new OpenApiValidator(relaxDocumentedNulls(v1Doc), 'v1shapes'),
      v2: new OpenApiValidator(v2Doc, 'v2shapes'),
    });
    await exercise(emulator, check.send);
    const sub = '/subscribers/{app_user_id}';
    const unknown = await check.send(
      'v1',
      'POST',
      `${sub}/entitlements/{entitlement_identifier}/promotional`,
      { app_user_id: 'never-seen', entitlement_identifier: 'pro' },
      { duration: 'lifetime' },
    );
    expect(unknown.status).to.equal(404);
    expect(check.problems).to.deep.equal([]);
  });

  it('when nulls are omitted, then v1 responses match the v1 schema exactly as published', async () => {
    emulator = await startTestEmulator({ catalog, nulls: 'omit' });
    const check = checker(emulator, {
      v1: new OpenApiValidator(v1Doc, 'v1strict'),
      v2: new OpenApiValidator(v2Doc, 'v2b'),
    });
    await exercise(emulator, check.send);
    expect(check.problems).to.deep.equal([]);
  });
});
