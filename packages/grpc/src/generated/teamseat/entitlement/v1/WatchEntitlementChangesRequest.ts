// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface WatchEntitlementChangesRequest {
  /**
   * Only changes for these users; empty means everyone.
   */
  'userIds'?: (string)[];
  /**
   * Only these entitlements; empty means all.
   */
  'entitlements'?: (string)[];
}

export interface WatchEntitlementChangesRequest__Output {
  /**
   * Only changes for these users; empty means everyone.
   */
  'userIds': (string)[];
  /**
   * Only these entitlements; empty means all.
   */
  'entitlements': (string)[];
}
