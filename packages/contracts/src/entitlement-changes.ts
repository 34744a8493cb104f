import { z } from 'zod';
import { cloudEventSchema, isoDateTime, nonEmptyString } from './envelope';

// What entitlement-service publishes on teamseat.entitlement-changes.v1, keyed by app_user_id: a
// user's access to one entitlement changed (became active, was extended or shortened, or ended).

export const ENTITLEMENT_CHANGED_TYPE = 'teamseat.entitlement.EntitlementChanged.v1';

export const accessSourceKindSchema = z.enum(['store', 'team-grant', 'promotional', 'none']);
export const changeCauseSchema = z.enum(['webhook', 'team-event', 'sync', 'reconcile', 'expiry']);

export const accessSourceSchema = z
  .object({
    /** store: the user's own purchase; team-grant: a seat (teamId set); promotional: any other grant. */
    kind: accessSourceKindSchema,
    teamId: nonEmptyString.optional(),
    productId: nonEmptyString.nullish(),
  })
  .passthrough()
  .superRefine((source, ctx) => {
    if (source.kind === 'team-grant' && source.teamId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'is required when kind is team-grant' });
    }
  });

export const entitlementChangeDataSchema = z
  .object({
    userId: nonEmptyString,
    entitlement: nonEmptyString,
    active: z.boolean(),
    /** ISO date-time; null with active = true means lifetime, with active = false no access. */
    expiresAt: isoDateTime.nullable(),
    /** The source that decides access now (the longest-lasting); kind none when inactive. */
    source: accessSourceSchema,
    cause: changeCauseSchema,
    /** RevenueCat event id or team event id behind the change. */
    causationId: nonEmptyString.nullish(),
    /** Access before the change, when known. */
    previous: z.object({ active: z.boolean(), expiresAt: isoDateTime.nullable() }).passthrough().nullish(),
  })
  .passthrough();

/** The envelope; the subject must be the userId. */
export const entitlementChangeSchema = cloudEventSchema(
  ENTITLEMENT_CHANGED_TYPE,
  entitlementChangeDataSchema,
).superRefine((event, ctx) => {
  if (event.subject !== event.data.userId) {
    ctx.addIssue({ code: 'custom', path: ['subject'], message: 'must equal data.userId' });
  }
});

export type AccessSourceKind = z.infer<typeof accessSourceKindSchema>;
export type ChangeCause = z.infer<typeof changeCauseSchema>;
export type AccessSource = z.infer<typeof accessSourceSchema>;
export type EntitlementChangeData = z.infer<typeof entitlementChangeDataSchema>;
export type EntitlementChangeDataInput = z.input<typeof entitlementChangeDataSchema>;
export type EntitlementChange = z.infer<typeof entitlementChangeSchema>;
export type EntitlementChangeInput = z.input<typeof entitlementChangeSchema>;
