// Original file: /work/main/proto/teamseat/entitlement/v1/entitlement_service.proto


export interface CheckAccessRequest {
  'userId'?: (string);
  'entitlement'?: (string);
}

export interface CheckAccessRequest__Output {
  'userId': (string);
  'entitlement': (string);
}
