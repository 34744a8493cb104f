// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto

import type { EntitlementChange as _teamseat_entitlement_v1_EntitlementChange, EntitlementChange__Output as _teamseat_entitlement_v1_EntitlementChange__Output } from '../../../teamseat/entitlement/v1/EntitlementChange';

/**
 * One streamed item (a wrapper, so the stream can carry more than changes later).
 */
export interface WatchEntitlementChangesResponse {
  'change'?: (_teamseat_entitlement_v1_EntitlementChange | null);
}

/**
 * One streamed item (a wrapper, so the stream can carry more than changes later).
 */
export interface WatchEntitlementChangesResponse__Output {
  'change': (_teamseat_entitlement_v1_EntitlementChange__Output | null);
}
