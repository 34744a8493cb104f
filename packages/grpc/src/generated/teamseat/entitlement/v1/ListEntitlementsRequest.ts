// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface ListEntitlementsRequest {
  'userId'?: (string);
  /**
   * Include expired entitlements (RevenueCat keeps them in the snapshot).
   */
  'includeInactive'?: (boolean);
}

export interface ListEntitlementsRequest__Output {
  'userId': (string);
  /**
   * Include expired entitlements (RevenueCat keeps them in the snapshot).
   */
  'includeInactive': (boolean);
}
