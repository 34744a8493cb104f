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
  /**
   * Only changes of this team's members (ADR 0037): those whose source is the team's grant, and those its
   * grant terms caused (a removal or the team's expiry: active false, or the source that remains).
   * Empty means every team and none.
   */
  'teamId'?: (string);
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
  /**
   * Only changes of this team's members (ADR 0037): those whose source is the team's grant, and those its
   * grant terms caused (a removal or the team's expiry: active false, or the source that remains).
   * Empty means every team and none.
   */
  'teamId': (string);
}
