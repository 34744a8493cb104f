// JSON Schemas (draft-07) of every event teamseat puts on Kafka, generated from the zod contracts, for consumers
// in other languages. `npm run schemas -w @teamseat/contracts` writes them to schemas/; a unit test fails when
// they are stale and validates the fixtures against them.
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  cloudEventSchema,
  ENTITLEMENT_CHANGED_TYPE,
  entitlementChangeDataSchema,
  MEMBER_GRANT_TERMS_TYPE,
  memberGrantTermsDataSchema,
  teamEventDataSchemas,
  type TeamEventType,
} from '../src';

/** One file name per event type: `<type>.schema.json`. */
export function eventJsonSchemas(): Map<string, object> {
  const envelopes: Array<[string, ReturnType<typeof cloudEventSchema>]> = [
    ...(Object.keys(teamEventDataSchemas) as TeamEventType[]).map(
      (type) =>
        [type, cloudEventSchema(type, teamEventDataSchemas[type])] as [
          string,
          ReturnType<typeof cloudEventSchema>,
        ],
    ),
    [MEMBER_GRANT_TERMS_TYPE, cloudEventSchema(MEMBER_GRANT_TERMS_TYPE, memberGrantTermsDataSchema)],
    [ENTITLEMENT_CHANGED_TYPE, cloudEventSchema(ENTITLEMENT_CHANGED_TYPE, entitlementChangeDataSchema)],
  ];
  return new Map(
    envelopes
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([type, schema]) => [
        `${type}.schema.json`,
        {
          ...zodToJsonSchema(schema, { target: 'jsonSchema7', $refStrategy: 'none' }),
          $id: `urn:teamseat:event:${type}`,
          title: type,
          description: `A ${type} event: a CloudEvents 1.0 envelope (Kafka binding, structured mode) as teamseat writes it.`,
        },
      ]),
  );
}
